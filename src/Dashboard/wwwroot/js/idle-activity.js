// SESS-02: tells the circuit's idle lock about real user input only. Render acknowledgements, timers and other
// traffic the browser sends on its own must not keep an unattended session open. At most one report per period.
const events = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'];
let current = null;

export function start(dotnet, periodMs) {
    stop();
    let last = 0;
    let scheduled = null;
    const report = () => {
        last = Date.now();
        scheduled = null;
        dotnet.invokeMethodAsync('ReportActivity').catch(() => { });
    };
    const onInput = () => {
        const wait = periodMs - (Date.now() - last);
        if (wait <= 0) report();
        else if (scheduled === null) scheduled = setTimeout(report, wait);
    };
    for (const e of events) document.addEventListener(e, onInput, { capture: true, passive: true });
    current = { onInput, cancel: () => scheduled !== null && clearTimeout(scheduled) };
}

export function stop() {
    if (current === null) return;
    for (const e of events) document.removeEventListener(e, current.onInput, { capture: true });
    current.cancel();
    current = null;
}
