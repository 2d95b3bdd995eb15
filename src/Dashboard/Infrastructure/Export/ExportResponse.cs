using System.IO.Pipelines;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Infrastructure.Export;

/// <summary>
/// Streams a file to the browser while it is produced. The writer runs on its own task against a pipe (the zip and
/// OpenXml writers write synchronously, which Kestrel refuses on the response body); the pipe's back-pressure keeps
/// memory flat, and a cancelled download cancels the database read through RequestAborted.
/// </summary>
public static class ExportResponse
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Csv = "text/csv; charset=utf-8";
    public const string Xml = "application/xml; charset=utf-8";

    public static async Task<int> StreamAsync(HttpContext http, string contentType, string fileName, Func<Stream, CancellationToken, Task<int>> write)
    {
        var ct = http.RequestAborted;
        var response = http.Response;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();

        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false));
        var producer = Task.Run(async () =>
        {
            try
            {
                int rows;
                await using (var stream = pipe.Writer.AsStream(leaveOpen: true))
                    rows = await write(stream, ct);
                await pipe.Writer.CompleteAsync();
                return rows;
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e);
                throw;
            }
        }, CancellationToken.None);

        try
        {
            await pipe.Reader.CopyToAsync(response.Body, ct);
            await pipe.Reader.CompleteAsync();
        }
        catch (Exception e)
        {
            await pipe.Reader.CompleteAsync(e);
            // The producer's own failure is the interesting one.
            await producer;
            throw;
        }
        return await producer;
    }
}
