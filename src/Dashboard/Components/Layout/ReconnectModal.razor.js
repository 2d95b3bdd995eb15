// Reacts to .NET 10's reconnect events from blazor.web.js. When the server no longer holds the circuit (evicted after a
// long disconnection, or the server restarted), the page is resumed from its persisted component state
// (Blazor.resumeCircuit) before falling back to a fresh load, so filters, tabs and unsaved text come back.
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

function handleReconnectStateChanged(event) {
    const state = event.detail.state;
    if (state === "show" || state === "paused") {
        if (!reconnectModal.open) reconnectModal.showModal();
    } else if (state === "hide") {
        reconnectModal.close();
    } else if (state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    } else if (state === "rejected") {
        // The server answered but holds neither the circuit nor its persisted state: start a fresh page.
        location.reload();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    try {
        // true: reconnected; false: the server answered but no longer has the circuit; throws: server unreachable.
        const reconnected = await Blazor.reconnect();
        if (!reconnected) await resume();
    } catch {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function resume() {
    try {
        if (await Blazor.resumeCircuit()) {
            reconnectModal.close();
            return;
        }
    } catch {
        // Fall through: a fresh page is better than a dead one.
    }
    location.reload();
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") await retry();
}
