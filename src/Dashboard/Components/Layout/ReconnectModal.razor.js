// The portal serves the ASP.NET Core 9.0 blazor.web.js (see build/BlazorWebJs.targets). That script only toggles the
// classes components-reconnect-show|hide|failed|rejected on #components-reconnect-modal and never raises .NET 10's
// components-reconnect-state-changed event, so this shim observes the classes and raises the event itself.
const reconnectModal = document.getElementById("components-reconnect-modal");
const states = ["show", "hide", "failed", "rejected"];
let lastState = null;

new MutationObserver(() => {
    const state = states.find(s => reconnectModal.classList.contains(`components-reconnect-${s}`));
    if (state && state !== lastState) {
        lastState = state;
        reconnectModal.dispatchEvent(new CustomEvent("components-reconnect-state-changed", { detail: { state } }));
    }
}).observe(reconnectModal, { attributes: true, attributeFilter: ["class"] });

// The 9.0 script has no circuit resume: report "not resumed" so the handlers below reload the page.
if (window.Blazor && !window.Blazor.resumeCircuit) {
    window.Blazor.resumeCircuit = async () => false;
}

reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        if (!reconnectModal.open) reconnectModal.showModal();
    } else if (event.detail.state === "hide") {
        reconnectModal.close();
    } else if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    } else if (event.detail.state === "rejected") {
        // The server no longer knows this circuit (it restarted): start a fresh page.
        location.reload();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    try {
        const successful = await Blazor.reconnect();
        if (!successful) {
            location.reload();
        }
    } catch (err) {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
