// The header: language switch (toggle buttons) and the conditions library button. The markup is in
// index.html so it shows before any script runs; this wires it.

export function wireHeader({ onLanguage, onLibrary }) {
  const buttons = [...document.querySelectorAll('[data-lang]')];
  for (const button of buttons) {
    button.addEventListener('click', () => onLanguage(button.dataset.lang));
  }
  const library = document.getElementById('library-button');
  library.addEventListener('click', () => onLibrary());
  return {
    showLanguage(lang) {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    },
    enable() {
      library.disabled = false;
    },
  };
}
