namespace Dashboard.Features.Performance;

/// <summary>Runs the last action given to it once the input has been quiet for <paramref name="delay"/> (autosave while typing).</summary>
public sealed class Debouncer(TimeSpan delay) : IDisposable
{
    private CancellationTokenSource? _pending;

    public void Run(Func<Task> action)
    {
        _pending?.Cancel();
        _pending?.Dispose();
        var cts = _pending = new CancellationTokenSource();
        _ = Task.Delay(delay, cts.Token).ContinueWith(t => t.IsCanceled ? Task.CompletedTask : action(),
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Forgets a pending run (the caller saves at once instead).</summary>
    public void Cancel() => _pending?.Cancel();

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }
}
