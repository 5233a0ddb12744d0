// The stand-alone page (index.html): one scorecard in #kra-kpi, saved in this browser.
// A separate file, not an inline script, so the page runs under a strict CSP.
import { mount } from "./kra-kpi.js";

const host = document.getElementById("kra-kpi");
const THEME_KEY = "kra-kpi-page:theme";
const THEMES = ["auto", "light", "dark"];

/** The theme chosen on this page before, "auto" (follow the device) if none or unreadable. */
function savedTheme() {
  try {
    const theme = localStorage.getItem(THEME_KEY);
    return THEMES.includes(theme) ? theme : "auto";
  } catch {
    return "auto"; // storage blocked: the choice lasts for this visit only
  }
}

const picker = document.getElementById("theme");
const theme = savedTheme();
picker.value = theme;
document.documentElement.dataset.theme = theme;

// Share links (#share=…) open here as read-only snapshots; the viewer's own data stays as it is.
mount(host, { storageKey: "kra-kpi:default", shareLinks: true, theme })
  .then((widget) => {
    picker.addEventListener("change", () => {
      const chosen = THEMES.includes(picker.value) ? picker.value : "auto";
      widget.setTheme(chosen);
      document.documentElement.dataset.theme = chosen;
      try { localStorage.setItem(THEME_KEY, chosen); } catch { /* kept for this visit */ }
    });
  })
  .catch((error) => {
    // mount() has already shown the reason inside the element; this is for developers.
    console.error("kra-kpi:", error.code, error.message);
  });
