/* The knowledge-graph explorer (graph/_html.py inlines this file).
 *
 * Every string from the data reaches the document through textContent or
 * createTextNode only; no markup is ever built from data, and no handler is
 * written inline. window.kgExplorer is a small read-only API for tests. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

  var UI = {
    zh: {
      search: "搜索：中文名、英文名或别名",
      noMatch: "无匹配",
      reset: "重置视图",
      physicsOn: "物理布局：开",
      physicsOff: "物理布局：关",
      otherLang: "English",
      types: "实体类型",
      statuses: "关系状态",
      relationTypes: "关系类型（连线标签）",
      hint: "点击节点查看名称、属性和关系；点击连线查看原文证据。",
      close: "关闭",
      entities: "个实体",
      relations: "条关系",
      type: "类型",
      status: "状态",
      date: "日期",
      aliases: "别名",
      attributes: "属性",
      notes: "备注",
      evidence: "原文证据",
      relationsOf: "关系",
      none: "无",
      source: "来源",
      relation: "关系",
      inSentence: "原文语境（高亮为引文）",
      showEvidence: "查看证据",
      group: "群体表述",
      groupNode:
        "这是一项群体表述：来源把这一合作说成是整个群体的共同活动，并未说明其中哪两方相互合作。下列参与方不应被理解为两两之间的双边伙伴。",
      groupRelation:
        "这条关系来自一项群体表述：来源只说明该方是群体的一员，并不表示它与群体中任何单个成员有双边合作。",
      role: "角色",
      participants: "参与方",
      from: "发起方",
      to: "对象",
      legendGroup: "群体表述中的参与",
      styleDone: "已完成／已签约（实线）",
      styleUnderway: "进行中（虚线）",
      styleProspective: "意向／洽谈／计划（点线）",
    },
    en: {
      search: "Search: Chinese or English name, alias",
      noMatch: "No match",
      reset: "Reset view",
      physicsOn: "Physics: on",
      physicsOff: "Physics: off",
      otherLang: "中文",
      types: "Entity types",
      statuses: "Relation status",
      relationTypes: "Relation types (edge labels)",
      hint: "Click a node for its names, attributes and relations; click a relation for its evidence in the source.",
      close: "Close",
      entities: "entities",
      relations: "relations",
      type: "Type",
      status: "Status",
      date: "Date",
      aliases: "Aliases",
      attributes: "Attributes",
      notes: "Notes",
      evidence: "Evidence",
      relationsOf: "Relations",
      none: "none",
      source: "Source",
      relation: "Relation",
      inSentence: "In its sentence (the quote highlighted)",
      showEvidence: "Evidence",
      group: "Group statement",
      groupNode:
        "A group statement: the source states this cooperation for the group as a whole and does not say who worked with whom. The participants below are not bilateral partners of each other.",
      groupRelation:
        "Part of a group statement: the source says only that this party belongs to the group, not that it works with any single other member.",
      role: "role",
      participants: "Participants",
      from: "from",
      to: "to",
      legendGroup: "participation in a group statement",
      styleDone: "done / signed (solid)",
      styleUnderway: "under way (dashed)",
      styleProspective: "intent / negotiating / planned (dotted)",
    },
  };

  var lang = DATA.lang === "en" ? "en" : "zh";
  var physicsOn = !!DATA.physics;
  var ready = false;
  var selectedNode = null;

  // -- lookup tables ---------------------------------------------------------------
  function byId(list) {
    var map = Object.create(null);
    list.forEach(function (item) { map[item.id] = item; });
    return map;
  }
  var TYPES = byId(DATA.types);
  var STATUSES = byId(DATA.statuses);
  var RTYPES = byId(DATA.relationTypes);
  var NODES = byId(DATA.nodes);
  var EDGES = byId(DATA.edges);
  var INCIDENT = Object.create(null);
  DATA.nodes.forEach(function (n) { INCIDENT[n.id] = []; });
  DATA.edges.forEach(function (e) {
    INCIDENT[e.from].push(e);
    if (e.to !== e.from) INCIDENT[e.to].push(e);
  });
  var typeOn = Object.create(null);
  DATA.types.forEach(function (t) { typeOn[t.id] = true; });
  var statusOn = Object.create(null);
  DATA.statuses.forEach(function (s) { statusOn[s.id] = true; });

  function t(key) { return UI[lang][key]; }
  function nameOf(node) { return lang === "en" && node.name_en ? node.name_en : node.name; }
  function otherName(node) { return lang === "en" ? node.name : node.name_en; }
  function enumLabel(table, id) {
    var item = table[id];
    return item ? item[lang] : id;
  }

  // -- DOM helpers: text only --------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function valueText(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.map(valueText).join("、");
    if (typeof value === "object") {
      return Object.keys(value).map(function (k) { return k + ": " + valueText(value[k]); }).join("; ");
    }
    return String(value);
  }

  // -- vis-network data ----------------------------------------------------------------
  function wrap(text) {
    if (lang === "zh" && text.length > 12 && text.indexOf(" ") < 0) {
      var parts = [];
      for (var i = 0; i < text.length; i += 10) parts.push(text.slice(i, i + 10));
      return parts.join("\n");
    }
    return text;
  }
  function tooltip(node) {
    var box = el("div");
    box.appendChild(el("strong", null, node.name));
    if (node.name_en) box.appendChild(el("div", null, node.name_en));
    box.appendChild(el("div", "kg-sub", enumLabel(TYPES, node.type)));
    return box;
  }
  var DIM = "#e5e7eb";
  function visNode(node, dim) {
    var type = TYPES[node.type];
    var color = dim ? DIM : type.color;
    return {
      id: node.id,
      label: wrap(nameOf(node)),
      shape: type.shape,
      size: node.size,
      hidden: !typeOn[node.type],
      title: tooltip(node),
      color: { background: color, border: dim ? DIM : "#333333",
               highlight: { background: color, border: "#000000" } },
      borderWidth: node.collective ? 2 : 1,
      font: { face: FONT, size: 14, color: dim ? "#c0c4c8" : "#1f2328" },
    };
  }
  function edgeStyle(edge) {
    var style = STATUSES[edge.status] ? STATUSES[edge.status].style : "done";
    if (style === "underway") return [10, 6];
    if (style === "prospective") return [3, 5];
    return false;
  }
  function edgeHidden(edge) {
    return !statusOn[edge.status] || !typeOn[NODES[edge.from].type] || !typeOn[NODES[edge.to].type];
  }
  function visEdge(edge, dim) {
    var prospective = STATUSES[edge.status] && STATUSES[edge.status].style === "prospective";
    var color = edge.collective ? "#e377c2" : prospective ? "#8c959f" : "#57606a";
    return {
      id: edge.id,
      from: edge.from,
      to: edge.to,
      label: enumLabel(RTYPES, edge.type),
      dashes: edgeStyle(edge),
      hidden: edgeHidden(edge),
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: dim ? DIM : color, highlight: "#0969da", hover: "#0969da" },
      width: edge.collective ? 1.5 : 2,
      font: { face: FONT, size: 11, color: dim ? "#d0d4d8" : "#57606a",
              strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
    };
  }

  // Positions (computed in Python) are given once: later updates keep where nodes are.
  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    var item = visNode(n, false);
    item.x = n.x;
    item.y = n.y;
    return item;
  }));
  var edges = new vis.DataSet(DATA.edges.map(function (e) { return visEdge(e, false); }));
  var big = !DATA.physics;
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: false },
    physics: {
      enabled: physicsOn,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.4 },
      stabilization: { enabled: physicsOn, iterations: 400, fit: true },
    },
    edges: { smooth: big ? false : { type: "continuous" } },
    interaction: { hover: !big, hideEdgesOnDrag: big, tooltipDelay: 150, multiselect: false },
  });

  // -- highlight the neighbourhood of a node ---------------------------------------------
  function paint(centre) {
    var near = null;
    if (centre !== null) {
      near = Object.create(null);
      near[centre] = true;
      INCIDENT[centre].forEach(function (e) { near[e.from] = true; near[e.to] = true; });
    }
    nodes.update(DATA.nodes.map(function (n) { return visNode(n, near !== null && !near[n.id]); }));
    edges.update(DATA.edges.map(function (e) {
      return visEdge(e, near !== null && e.from !== centre && e.to !== centre);
    }));
  }

  // -- side panel ------------------------------------------------------------------------
  var panel = document.getElementById("kg-panel");
  var content = document.getElementById("kg-panel-content");

  function sourceTitle(index) {
    var src = DATA.sources[index];
    if (!src) return "";
    return lang === "en" && src.title_en ? src.title_en : src.title;
  }
  function quoteBlock(qi, inSentence) {
    var q = DATA.quotes[qi];
    var block = el("blockquote", "kg-quote");
    if (inSentence) {
      block.appendChild(document.createTextNode(q.sentence.slice(0, q.start)));
      block.appendChild(el("mark", null, q.sentence.slice(q.start, q.end)));
      block.appendChild(document.createTextNode(q.sentence.slice(q.end)));
    } else {
      block.appendChild(el("span", "kg-quote-text", q.quote));
    }
    block.appendChild(el("cite", "kg-cite", "— " + t("source") + ": " + sourceTitle(q.source)));
    return block;
  }
  function nodeLink(id) {
    var node = NODES[id];
    var button = el("button", "kg-link", nameOf(node));
    button.type = "button";
    button.dataset.node = id;
    button.addEventListener("click", function () { selectNode(id, true); });
    return button;
  }
  function badge(text, cls) { return el("span", "kg-badge" + (cls ? " " + cls : ""), text); }
  function attrs(values) {
    var keys = Object.keys(values || {});
    var list = el("dl", "kg-attrs");
    keys.forEach(function (k) {
      list.appendChild(el("dt", null, k));
      list.appendChild(el("dd", null, valueText(values[k])));
    });
    return keys.length ? list : null;
  }
  function section(title, body) {
    if (!body) return;
    content.appendChild(el("h4", null, title));
    content.appendChild(body);
  }
  function statusBadge(status) {
    var b = badge(enumLabel(STATUSES, status));
    if (STATUSES[status]) b.title = STATUSES[status].description;
    return b;
  }

  var shown = null; // {kind: "node"|"edge", id}
  function showNode(id) {
    var node = NODES[id];
    shown = { kind: "node", id: id };
    clear(content);
    panel.hidden = false;
    panel.dataset.kind = "node";
    panel.dataset.id = id;
    content.appendChild(el("h3", null, node.name));
    if (node.name_en) content.appendChild(el("p", "kg-name-en", node.name_en));
    var head = el("div");
    var typeBadge = badge(enumLabel(TYPES, node.type));
    typeBadge.title = TYPES[node.type].description;
    head.appendChild(typeBadge);
    if (node.status) head.appendChild(statusBadge(node.status));
    if (node.collective) head.appendChild(badge(t("group"), "kg-badge-group"));
    content.appendChild(head);
    if (node.collective) content.appendChild(el("p", "kg-explain", t("groupNode")));
    if (node.aliases.length) section(t("aliases"), el("p", null, node.aliases.join("、")));
    section(t("attributes"), attrs(node.attributes));
    if (node.notes) section(t("notes"), el("p", null, node.notes));
    if (node.evidence.length) {
      var ev = el("div");
      node.evidence.forEach(function (qi) { ev.appendChild(quoteBlock(qi, false)); });
      section(t("evidence"), ev);
    }
    var rels = el("div", "kg-relations");
    INCIDENT[id].forEach(function (edge) { rels.appendChild(relationRow(edge, id)); });
    section(t("relationsOf") + " (" + INCIDENT[id].length + ")", rels);
  }
  function relationRow(edge, me) {
    var row = el("div", "kg-relation");
    row.dataset.edge = edge.id;
    var head = el("div", "kg-relation-head");
    var outgoing = edge.from === me;
    head.appendChild(el("span", null, outgoing ? "→" : "←"));
    head.appendChild(badge(enumLabel(RTYPES, edge.type)));
    head.appendChild(nodeLink(outgoing ? edge.to : edge.from));
    head.appendChild(statusBadge(edge.status));
    if (edge.date) head.appendChild(badge(edge.date));
    if (edge.collective) head.appendChild(badge(t("group"), "kg-badge-group"));
    var more = el("button", "kg-link", t("showEvidence") + " ›");
    more.type = "button";
    more.addEventListener("click", function () { selectEdge(edge.id); });
    head.appendChild(more);
    row.appendChild(head);
    if (edge.attributes && edge.attributes.role !== undefined) {
      row.appendChild(el("div", "kg-sub", t("role") + ": " + valueText(edge.attributes.role)));
    }
    edge.evidence.forEach(function (qi) { row.appendChild(quoteBlock(qi, false)); });
    return row;
  }
  function showEdge(id) {
    var edge = EDGES[id];
    shown = { kind: "edge", id: id };
    clear(content);
    panel.hidden = false;
    panel.dataset.kind = "edge";
    panel.dataset.id = id;
    var title = el("h3");
    title.appendChild(nodeLink(edge.from));
    title.appendChild(document.createTextNode(" → "));
    title.appendChild(nodeLink(edge.to));
    content.appendChild(title);
    var head = el("div");
    var typeBadge = badge(t("relation") + ": " + enumLabel(RTYPES, edge.type));
    typeBadge.title = RTYPES[edge.type] ? RTYPES[edge.type].description : "";
    head.appendChild(typeBadge);
    head.appendChild(statusBadge(edge.status));
    if (edge.date) head.appendChild(badge(t("date") + ": " + edge.date));
    if (edge.collective) head.appendChild(badge(t("group"), "kg-badge-group"));
    content.appendChild(head);
    if (RTYPES[edge.type]) content.appendChild(el("p", "kg-sub", RTYPES[edge.type].description));
    if (edge.collective) content.appendChild(el("p", "kg-explain", t("groupRelation")));
    section(t("attributes"), attrs(edge.attributes));
    if (edge.notes) section(t("notes"), el("p", null, edge.notes));
    var ev = el("div");
    edge.evidence.forEach(function (qi) { ev.appendChild(quoteBlock(qi, true)); });
    section(t("inSentence"), ev);
  }
  function closePanel() {
    shown = null;
    panel.hidden = true;
    clear(content);
  }

  // -- selection -------------------------------------------------------------------------
  function selectNode(id, focus) {
    if (!NODES[id]) return false;
    var node = NODES[id];
    if (!typeOn[node.type]) setFilter("type", node.type, true);
    selectedNode = id;
    network.selectNodes([id]);
    paint(id);
    showNode(id);
    if (focus) {
      network.focus(id, {
        scale: Math.max(network.getScale(), 1.0),
        offset: { x: -panel.offsetWidth / 2, y: 0 },
        animation: { duration: 300 },
      });
    }
    return true;
  }
  function selectEdge(id) {
    if (!EDGES[id]) return false;
    selectedNode = null;
    network.selectEdges([id]);
    paint(null);
    showEdge(id);
    return true;
  }
  function resetView() {
    selectedNode = null;
    network.unselectAll();
    paint(null);
    closePanel();
    network.fit({ animation: false });
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      selectNode(params.nodes[0], false);
    } else if (params.edges.length) {
      selectEdge(params.edges[0]);
    } else {
      selectedNode = null;
      paint(null);
      closePanel();
    }
  });
  // Ready once drawn, after the stabilisation (and its fit) when physics starts on.
  function markReadyOnDraw() { network.once("afterDrawing", function () { ready = true; }); }
  if (physicsOn) network.once("stabilizationIterationsDone", markReadyOnDraw);
  else markReadyOnDraw();

  // -- filters and legend ----------------------------------------------------------------
  var typeBoxes = Object.create(null);
  var statusBoxes = Object.create(null);
  function applyFilters() {
    nodes.update(DATA.nodes.map(function (n) { return { id: n.id, hidden: !typeOn[n.type] }; }));
    edges.update(DATA.edges.map(function (e) { return { id: e.id, hidden: edgeHidden(e) }; }));
    if (selectedNode !== null && !typeOn[NODES[selectedNode].type]) {
      selectedNode = null;
      network.unselectAll();
      paint(null);
      closePanel();
    }
  }
  function setFilter(kind, id, on) {
    var table = kind === "type" ? typeOn : statusOn;
    var boxes = kind === "type" ? typeBoxes : statusBoxes;
    if (!(id in table)) return false;
    table[id] = !!on;
    boxes[id].checked = !!on;
    applyFilters();
    return true;
  }
  function filterRow(kind, item, swatch) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.filter = kind;
    box.value = item.id;
    box.addEventListener("change", function () { setFilter(kind, item.id, box.checked); });
    label.appendChild(box);
    label.appendChild(swatch);
    var name = el("span", "kg-filter-label");
    name.dataset.i18nItem = kind;
    name.dataset.id = item.id;
    label.appendChild(name);
    label.appendChild(el("span", "kg-count", item.count));
    label.title = item.description;
    (kind === "type" ? typeBoxes : statusBoxes)[item.id] = box;
    return label;
  }
  function buildFilters() {
    var typeBox = document.getElementById("kg-type-filters");
    DATA.types.forEach(function (item) {
      var swatch = el("span", "kg-swatch kg-shape-" + item.shape);
      swatch.style.background = item.color;
      typeBox.appendChild(filterRow("type", item, swatch));
    });
    var statusBox = document.getElementById("kg-status-filters");
    DATA.statuses.forEach(function (item) {
      statusBox.appendChild(filterRow("status", item, el("span", "kg-line kg-line-" + item.style)));
    });
    var styles = el("div", "kg-sub");
    styles.id = "kg-line-legend";
    statusBox.appendChild(styles);
  }
  function fillLegend() {
    document.querySelectorAll("[data-i18n-item]").forEach(function (span) {
      var table = span.dataset.i18nItem === "type" ? TYPES : STATUSES;
      span.textContent = enumLabel(table, span.dataset.id);
    });
    var styles = document.getElementById("kg-line-legend");
    clear(styles);
    [["done", "styleDone"], ["underway", "styleUnderway"], ["prospective", "styleProspective"],
     ["group", "legendGroup"]].forEach(function (pair) {
      var row = el("div");
      row.appendChild(el("span", "kg-line kg-line-" + pair[0]));
      row.appendChild(document.createTextNode(" " + t(pair[1])));
      styles.appendChild(row);
    });
    var legend = document.getElementById("kg-relation-legend");
    clear(legend);
    DATA.relationTypes.forEach(function (item) {
      legend.appendChild(el("dt", null, item[lang]));
      var dd = el("dd", null, item.description + " (" + item.count + ")");
      legend.appendChild(dd);
    });
  }

  // -- search ----------------------------------------------------------------------------
  function norm(text) {
    return String(text || "").normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  }
  var INDEX = DATA.nodes.map(function (n) {
    return { id: n.id, keys: [n.name, n.name_en, n.id].concat(n.aliases).map(norm) };
  });
  function search(text) {
    var needle = norm(text);
    if (!needle) return [];
    var hits = [];
    INDEX.forEach(function (entry, order) {
      var rank = 3;
      entry.keys.forEach(function (key) {
        if (!key) return;
        if (key === needle) rank = Math.min(rank, 0);
        else if (key.indexOf(needle) === 0) rank = Math.min(rank, 1);
        else if (key.indexOf(needle) > 0) rank = Math.min(rank, 2);
      });
      if (rank < 3) hits.push([rank, order, entry.id]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return hits.map(function (h) { return h[2]; });
  }
  var input = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  function showResults() {
    clear(results);
    var ids = search(input.value);
    if (!input.value.trim()) { results.hidden = true; return; }
    if (!ids.length) results.appendChild(el("li", "kg-sub", t("noMatch")));
    ids.slice(0, 12).forEach(function (id) {
      var node = NODES[id];
      var li = el("li");
      var button = el("button");
      button.type = "button";
      button.dataset.node = id;
      button.appendChild(el("span", null, nameOf(node)));
      button.appendChild(el("span", "kg-sub", "  " + (otherName(node) || "") + " · " + enumLabel(TYPES, node.type)));
      button.addEventListener("click", function () { pick(id); });
      li.appendChild(button);
      results.appendChild(li);
    });
    results.hidden = false;
  }
  function pick(id) {
    results.hidden = true;
    selectNode(id, true);
  }
  input.addEventListener("input", showResults);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var ids = search(input.value);
      if (ids.length) pick(ids[0]);
    } else if (event.key === "Escape") {
      results.hidden = true;
    }
  });
  document.addEventListener("click", function (event) {
    if (!document.getElementById("kg-search-box").contains(event.target)) results.hidden = true;
  });

  // -- language, physics, reset ------------------------------------------------------------
  function summary() {
    var parts = [DATA.nodes.length + " " + t("entities"), DATA.edges.length + " " + t("relations")];
    DATA.types.slice().sort(function (a, b) { return b.count - a.count; }).forEach(function (item) {
      parts.push(item[lang] + " " + item.count);
    });
    return parts.join(" · ");
  }
  function setLang(next) {
    if (!UI[next]) return false;
    lang = next;
    document.documentElement.lang = next === "zh" ? "zh-Hans" : "en";
    document.title = DATA.title[lang] || DATA.title.zh;
    document.getElementById("kg-title").textContent = document.title;
    document.getElementById("kg-summary").textContent = summary();
    input.placeholder = t("search");
    document.getElementById("kg-reset").textContent = t("reset");
    document.getElementById("kg-lang").textContent = t("otherLang");
    document.querySelectorAll("[data-i18n]").forEach(function (node) {
      node.textContent = t(node.dataset.i18n);
    });
    fillLegend();
    updatePhysicsButton();
    paint(selectedNode);
    if (shown && shown.kind === "node") showNode(shown.id);
    else if (shown && shown.kind === "edge") showEdge(shown.id);
    if (!results.hidden) showResults();
    return true;
  }
  function updatePhysicsButton() {
    var button = document.getElementById("kg-physics");
    button.textContent = physicsOn ? t("physicsOn") : t("physicsOff");
    button.setAttribute("aria-pressed", physicsOn ? "true" : "false");
  }
  function setPhysics(on) {
    physicsOn = !!on;
    network.setOptions({ physics: { enabled: physicsOn } });
    updatePhysicsButton();
  }
  document.getElementById("kg-lang").addEventListener("click", function () {
    setLang(lang === "zh" ? "en" : "zh");
  });
  document.getElementById("kg-physics").addEventListener("click", function () { setPhysics(!physicsOn); });
  document.getElementById("kg-reset").addEventListener("click", resetView);
  document.getElementById("kg-close").addEventListener("click", function () {
    selectedNode = null;
    network.unselectAll();
    paint(null);
    closePanel();
  });

  buildFilters();
  setLang(lang);

  // -- a small read-only API for tests and the console ---------------------------------------
  function drawn(body) {
    return body.indices.filter(function (id) { return !body.items[id].options.hidden; });
  }
  window.kgExplorer = Object.freeze({
    ready: function () { return ready; },
    lang: function () { return lang; },
    physics: function () { return physicsOn; },
    nodeCount: function () { return DATA.nodes.length; },
    drawnNodeIds: function () {
      return drawn({ indices: network.body.nodeIndices, items: network.body.nodes });
    },
    drawnEdgeIds: function () {
      return drawn({ indices: network.body.edgeIndices, items: network.body.edges });
    },
    nodeLabel: function (id) { var n = nodes.get(id); return n ? n.label : null; },
    nodeType: function (id) { return NODES[id] ? NODES[id].type : null; },
    selected: function () { return network.getSelectedNodes(); },
    search: function (text) { return search(text); },
    select: function (id) { return selectNode(id, true); },
    selectRelation: function (id) { return selectEdge(id); },
    setFilter: function (kind, id, on) { return setFilter(kind, id, on); },
    setLang: function (next) { return setLang(next); },
    domPosition: function (id) {
      var pos = network.getPositions([id])[id];
      if (!pos) return null;
      var dom = network.canvasToDOM(pos);
      var box = container.getBoundingClientRect();
      return { x: box.left + dom.x, y: box.top + dom.y };
    },
  });
})();
