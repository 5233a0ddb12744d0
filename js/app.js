// The stand-alone page (index.html): one scorecard in #kra-kpi, saved in this browser.
// A separate file, not an inline script, so the page runs under a strict CSP.
import { mount } from "./kra-kpi.js";

const host = document.getElementById("kra-kpi");
mount(host, { storageKey: "kra-kpi:default" }).catch((error) => {
  // mount() has already shown the reason inside the element; this is for developers.
  console.error("kra-kpi:", error.code, error.message);
});
