// The portal's own script: one widget mounted from JavaScript, one custom element whose data
// the portal keeps on its server (here a stand-in: sessionStorage), saved on every change.
import { mount } from "../kra-kpi.js";

const log = (id, text) => (document.getElementById(id).textContent = text);

// 1. Saved in this browser under the portal's own key, starting from a template.
mount(document.getElementById("my-scorecard"), {
  storageKey: "hr-portal:emp-1042",
  template: "sales-executive",
}).then(
  (widget) => {
    widget.addEventListener("change", (e) => {
      const { overall } = e.detail.scores;
      log("mine-log", `Changed (${e.detail.kind}): overall ${overall.score === null ? "no score yet" : Math.round(overall.score) + " %"}, ${overall.status}.`);
    });
    widget.addEventListener("error", (e) => log("mine-log", `Problem: ${e.detail.message}`));
  },
  (error) => log("mine-log", `The scorecard could not start: ${error.message}`),
);

// 2. Host-side persistence: the portal loads the data from its server and saves it on change.
const server = {
  key: "hr-portal:server:emp-2077",
  async load() {
    return sessionStorage.getItem(this.key);
  },
  async save(json) {
    sessionStorage.setItem(this.key, json);
  },
};

const team = document.getElementById("team-scorecard");
const edit = document.getElementById("team-edit");
team.ready.then(async () => {
  const saved = await server.load();
  if (saved) team.setData(saved);
  team.addEventListener("change", async (e) => {
    if (e.detail.source === "host") return; // the portal's own setData
    await server.save(team.getData());
    log("team-log", `Saved to the portal's server (${e.detail.description}).`);
  });
});
team.addEventListener("error", (e) => log("team-log", `Problem: ${e.detail.message}`));
edit.addEventListener("click", () => {
  const editing = team.hasAttribute("read-only");
  team.toggleAttribute("read-only", !editing);
  edit.setAttribute("aria-pressed", String(editing));
  edit.textContent = editing ? "Stop editing" : "Allow editing";
});
