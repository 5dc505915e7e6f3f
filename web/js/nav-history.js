// The browser's Back button moves back a screen instead of leaving the page and losing the
// interview. One history entry is added on top of the page's own, and put back after each Back the
// page handles, so the number of entries never grows. Its state is a constant marker: it holds no
// answer, no screen name, nothing of the person; the URL never changes.

const MARKER = Object.freeze({ symcheck: 'back-guard' });

/**
 * onBack(): called when the browser's Back is pressed; resolves true to stay on the page (the page
 * moved back a screen or the person chose to stay) or false to let the browser leave.
 */
export function installBackGuard({ onBack }) {
  const { history } = window;
  if (history.state?.symcheck !== MARKER.symcheck) history.pushState(MARKER, '');
  let leaving = false;
  window.addEventListener('popstate', () => {
    if (leaving || history.state?.symcheck === MARKER.symcheck) return;
    Promise.resolve(onBack()).then((stay) => {
      if (stay) {
        history.pushState(MARKER, '');
      } else {
        leaving = true;
        history.back();
      }
    });
  });
}
