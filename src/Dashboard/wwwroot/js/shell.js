// The shell's sidebar toggle, handled in the browser (issue 7: no component and no call to the circuit for it).
// Radzen's CSS shows a .rz-sidebar-responsive sidebar on wide screens and hides it at 768 px and below; a click on the
// toggle turns the sidebar into the opposite of what is shown now (.rz-sidebar-expanded / .rz-sidebar-collapsed).
// Blazor never rewrites these classes: the sidebar's class attribute is the same in every render.
(() => {
  const narrow = window.matchMedia('(max-width: 768px)');

  document.addEventListener('click', event => {
    const toggle = event.target instanceof Element ? event.target.closest('[data-sidebar-toggle]') : null;
    if (!toggle) return;
    const sidebar = document.getElementById(toggle.getAttribute('aria-controls'));
    if (!sidebar) return;
    const shown = sidebar.classList.contains('rz-sidebar-expanded')
      || (!sidebar.classList.contains('rz-sidebar-collapsed') && !narrow.matches);
    sidebar.classList.toggle('rz-sidebar-expanded', !shown);
    sidebar.classList.toggle('rz-sidebar-collapsed', shown);
    toggle.setAttribute('aria-expanded', String(!shown));
  });
})();

// Form dialogs (Components/Shared/FocusFirstField): focus the dialog's first field as soon as it is rendered. Radzen's
// own autofocus runs 500 ms after the dialog opens, and on a busy machine that pulled text typed in a later field back
// into the first one.
window.dashboardShell = Object.assign(window.dashboardShell || {}, {
  focusFirstField(marker) {
    const dialog = marker instanceof Element ? (marker.closest('.rz-dialog') || marker.parentElement) : null;
    const field = dialog?.querySelector('input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])');
    field?.focus();
  },
});

// Pausing a circuit makes the framework hand the page's state (filters, tab, open dialog, unsaved text) to the browser
// and frees it on the server; resuming sends it back to a server, which rebuilds the same page.
(() => {
  async function resume() {
    if (await Blazor.resumeCircuit()) {
      document.getElementById('components-reconnect-modal')?.close();
      return true;
    }
    location.reload(); // the server refused the state: a fresh page is better than a dead one
    return true;
  }

  // The server is stopping (CircuitPauseOnShutdown): pause now, resume as soon as a server answers again. Answers the
  // server's call first, then pauses.
  function pauseForRestart() {
    setTimeout(async () => {
      if (!(await Blazor.pauseCircuit())) return;
      const resumeWhenBack = async () => {
        try {
          await resume();
        } catch {
          setTimeout(resumeWhenBack, 2000); // not reachable yet
        }
      };
      setTimeout(resumeWhenBack, 2000);
    }, 0);
  }

  // A tab left in the background for 15 minutes gives its circuit's memory back; it resumes when shown again.
  const hiddenPauseMs = 15 * 60 * 1000;
  let hiddenTimer = null;
  let pausedWhileHidden = false;
  document.addEventListener('visibilitychange', async () => {
    if (document.visibilityState === 'hidden') {
      hiddenTimer = setTimeout(async () => { pausedWhileHidden = await Blazor.pauseCircuit(); }, hiddenPauseMs);
    } else {
      clearTimeout(hiddenTimer);
      if (pausedWhileHidden) {
        pausedWhileHidden = false;
        try { await resume(); } catch { location.reload(); }
      }
    }
  });

  window.dashboardShell = Object.assign(window.dashboardShell || {}, { pauseForRestart });
})();
