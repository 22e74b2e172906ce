// -- state: everything that more than one module changes or reads as it changes ---------------
// The page's modules (graph/_html.py SCRIPT_MODULES, in load order) each keep their own names
// inside a function and export a namespace (`const Core = (function () { ... return {...}; })();`);
// a module uses only the namespaces of modules before it. Two objects are shared by all:
//
// State: the page's mutable state. Any module may read and assign these fields, and no other
//   name is assigned across modules (tests/test_page_modules.py checks both). A field whose value
//   is null below is given its first value by the module named beside it, while it loads.
// Actions: the few functions an earlier module calls back from an event handler (a click in the
//   panel selects a node, which main.js defines). The module named beside each sets it once, at
//   the top of its own code; nothing calls them before start-up.
/* exported State, Actions */
const State = Object.seal({
  // i18n: the page's language, "zh" or "en" (core.js sets it from the data; main.js setLang).
  lang: "zh",
  // main: what is selected: {kind: "node", id} | {kind: "edge", id} | {kind: "path", from, to}
  // | {kind: "passage", quotes}, or null.
  selection: null,
  // panel: what the panel shows: {kind: "node"|"edge"|"passage"|"path", ...}, or null.
  shown: null,
  // core: what the filters let through, id -> true (core.js recompute() replaces them).
  NODE_SHOWN: Object.create(null),
  EDGE_SHOWN: Object.create(null),
  // core: entities whose neighbourhood is collapsed (id -> true); hide entities without
  // visible relations.
  collapsed: Object.create(null),
  hideIsolated: false,
  // view: the vis-network and its two DataSets (view.js buildNetwork).
  network: null,
  nodes: null,
  edges: null,
  // view: whether physics is on (from the data, then the Physics button).
  physicsOn: null,
  // view: the first view has been drawn; a fitting's animation is under way (its end relabels).
  ready: false,
  moving: false,
  // view: the emphasised part of the graph (a selection, a path, a passage's records):
  // {nodes: id -> true, edges: id -> true}, or null.
  emph: null,
  // view: the labels' font size in canvas units for the current zoom (labels.js relabel).
  labelFont: 14,
  // labels: the relations whose labels are drawn (id -> true).
  EDGE_LABEL_ON: Object.create(null),
  // reader: the reader's text has been built.
  readerBuilt: false,
  // paths: the ends the path tool was given, entity ids or null.
  pathEnds: { from: null, to: null },
  // pipeline: the analysis view open ("pipeline" | "regions" | null) and what is picked in it
  // (a stage id, "none", "region:KEY" or "tie:N", or null).
  analysisView: null,
  analysisPick: null,
  // address: the address last written or applied (so that its own change is not applied again).
  lastHash: null,
});
const Actions = Object.seal({
  // main: select an entity, a relation or a quoted passage; clear the selection; switch language.
  selectNode: null,
  selectEdge: null,
  selectPassage: null,
  clearSelection: null,
  setLang: null,
  // address: write the view into the address (a history entry when asked).
  writeAddress: null,
  // filters: collapse or expand an entity's neighbourhood.
  setCollapsed: null,
  // paths: set an end of the path tool; show a found path.
  setPathEnd: null,
  showPath: null,
  // regions: draw the Regions view into the analysis box.
  renderRegions: null,
});
