// -- search: names, English names, aliases, ids; traditional characters; one typo ------------
function norm(text) {
  var s = String(text === null || text === undefined ? "" : text).normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  var out = "";
  for (var i = 0; i < s.length; i++) out += DATA.traditional[s[i]] || s[i];
  return out;
}
var INDEX = DATA.nodes.map(function (n) {
  return { id: n.id, keys: [n.name, n.name_en, n.id].concat(n.aliases).map(norm) };
});
// Edit distance of a and b, or limit + 1 when it is larger than limit.
function within(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  var prev = [], cur, i, j;
  for (j = 0; j <= b.length; j++) prev.push(j);
  for (i = 1; i <= a.length; i++) {
    cur = [i];
    var best = i;
    for (j = 1; j <= b.length; j++) {
      cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}
function search(text) {
  var needle = norm(text);
  if (!needle) return [];
  var hits = [];
  var typo = needle.length >= 8 ? 2 : needle.length >= 4 ? 1 : 0;
  INDEX.forEach(function (entry, order) {
    var rank = 9;
    entry.keys.forEach(function (key) {
      if (!key) return;
      if (key === needle) rank = Math.min(rank, 0);
      else if (key.indexOf(needle) === 0) rank = Math.min(rank, 1);
      else if (key.indexOf(needle) > 0) rank = Math.min(rank, 2);
      else if (typo && rank > 3 && (within(needle, key, typo) <= typo ||
               within(needle, key.slice(0, needle.length), typo) <= typo)) rank = 3;
    });
    if (rank < 9) hits.push([rank, order, entry.id]);
  });
  hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
  return hits.map(function (h) { return h[2]; });
}

var input = document.getElementById("kg-search");
var results = document.getElementById("kg-results");
function setResultsOpen(open) {
  results.hidden = !open;
  input.setAttribute("aria-expanded", open ? "true" : "false");
}
function showResults() {
  clear(results);
  if (!input.value.trim()) { setResultsOpen(false); return; }
  var ids = search(input.value);
  if (!ids.length) results.appendChild(el("li", "kg-sub", t("noMatch")));
  ids.slice(0, 12).forEach(function (id) {
    var node = NODES[id];
    var li = el("li");
    li.setAttribute("role", "option");
    var b = button(null, null, function () { pick(id); });
    b.dataset.node = id;
    b.appendChild(el("span", null, nameOf(node)));
    b.appendChild(el("span", "kg-sub", "  " + (otherName(node) || "") + " · " + enumLabel(TYPES, node.type)));
    li.appendChild(b);
    results.appendChild(li);
  });
  setResultsOpen(true);
}
function pick(id) {
  setResultsOpen(false);
  selectNode(id, true, true);
}
function resultButtons() { return Array.prototype.slice.call(results.querySelectorAll("button")); }
input.addEventListener("input", function () { showResults(); writeAddress(false); });
input.addEventListener("keydown", function (event) {
  if (event.key === "Enter") {
    var ids = search(input.value);
    if (ids.length) pick(ids[0]);
  } else if (event.key === "ArrowDown") {
    if (results.hidden) showResults();
    var list = resultButtons();
    if (list.length) { event.preventDefault(); list[0].focus(); }
  } else if (event.key === "Escape") {
    setResultsOpen(false);
  }
});
results.addEventListener("keydown", function (event) {
  var list = resultButtons(), at = list.indexOf(document.activeElement);
  if (event.key === "ArrowDown" && at >= 0) {
    event.preventDefault();
    list[Math.min(at + 1, list.length - 1)].focus();
  } else if (event.key === "ArrowUp" && at >= 0) {
    event.preventDefault();
    if (at === 0) input.focus(); else list[at - 1].focus();
  } else if (event.key === "Escape") {
    event.stopPropagation();
    setResultsOpen(false);
    input.focus();
  }
});
document.addEventListener("click", function (event) {
  if (!document.getElementById("kg-search-box").contains(event.target)) setResultsOpen(false);
});
