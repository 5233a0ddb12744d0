// The stand-alone page (index.html): one scorecard in #kra-kpi, saved in this browser.
// A separate file, not an inline script, so the page runs under a strict CSP.
import { mount } from "./kra-kpi.js";

const host = document.getElementById("kra-kpi");
// Share links (#share=…) open here as read-only snapshots; the viewer's own data stays as it is.
mount(host, { storageKey: "kra-kpi:default", shareLinks: true }).catch((error) => {
  // mount() has already shown the reason inside the element; this is for developers.
  console.error("kra-kpi:", error.code, error.message);
});
