// -- search: names, English names, aliases, ids; traditional characters; one typo ------------
/* global Actions, I18n, Core */
/* exported Search */
const Search = (function () {
const { t } = I18n;
const { BOUNDED, DATA, NODES, TYPES, button, clear, el, enumLabel, nameOf, otherName } = Core;

function norm(text) {
  var s = String(text === null || text === undefined ? "" : text).normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  var out = "";
  for (var i = 0; i < s.length; i++) out += DATA.traditional[s[i]] || s[i];
  return out;
}
// The search index: every entity's normalised keys (name, English name, id, aliases) joined
// into one string, separated by SEP, so that a search is a few native indexOf scans. KEY_AT[k]
// is where key k starts, KEY_OWNER[k] the position of its entity in DATA.nodes. Built on the
// first search, or when the page is idle after its first view.
var SEP = "\u0001";
var HAY = null, KEY_AT = [], KEY_OWNER = [], KEYS = [];
function buildIndex() {
  if (HAY !== null) return;
  var at = 0;
  DATA.nodes.forEach(function (n, order) {
    [n.name, n.name_en, n.id].concat(n.aliases).forEach(function (raw) {
      var key = norm(raw);
      if (!key) return;
      KEY_AT.push(at);
      KEY_OWNER.push(order);
      KEYS.push(key);
      at += key.length + 1;
    });
  });
  HAY = KEYS.join(SEP) + SEP;
}
// The key whose text contains position pos of HAY.
function keyAt(pos) {
  var lo = 0, hi = KEY_AT.length - 1;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (KEY_AT[mid] <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}
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
  var needle = norm(text).split(SEP).join("");
  if (!needle) return [];
  buildIndex();
  var best = Object.create(null), found = [];
  function hit(order, rank) {
    if (!(order in best)) { best[order] = rank; found.push(order); }
    else if (rank < best[order]) best[order] = rank;
  }
  for (var pos = HAY.indexOf(needle); pos >= 0; pos = HAY.indexOf(needle, pos + 1)) {
    var k = keyAt(pos);
    var rank = pos > KEY_AT[k] ? 2 : KEYS[k].length === needle.length ? 0 : 1;
    hit(KEY_OWNER[k], rank);
  }
  // Typos: only for entities no key of which contains the search as written. A bounded
  // (large) page skips them once a page of results has been found.
  var typo = needle.length >= 8 ? 2 : needle.length >= 4 ? 1 : 0;
  // A key within `typo` edits of the search (or of its start) keeps at least one of
  // typo + 1 disjoint pieces of the search unchanged (pigeonhole), so only keys that
  // contain a piece are compared: a few indexOf scans instead of every key.
  if (typo && !(BOUNDED && found.length >= 12)) {
    var checked = Object.create(null);
    for (var p = 0; p <= typo; p++) {
      var piece = needle.slice(Math.round(p * needle.length / (typo + 1)),
                               Math.round((p + 1) * needle.length / (typo + 1)));
      for (var at = HAY.indexOf(piece); at >= 0; at = HAY.indexOf(piece, at + 1)) {
        var i = keyAt(at);
        at = KEY_AT[i] + KEYS[i].length;  // on to the next key
        if (checked[i]) continue;
        checked[i] = true;
        var owner = KEY_OWNER[i];
        if (owner in best) continue;
        var key = KEYS[i];
        if (within(needle, key, typo) <= typo || within(needle, key.slice(0, needle.length), typo) <= typo) {
          hit(owner, 3);
        }
      }
    }
  }
  found.sort(function (a, b) { return best[a] - best[b] || a - b; });
  return found.map(function (order) { return DATA.nodes[order].id; });
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
  Actions.selectNode(id, true, true);
}
function resultButtons() { return Array.prototype.slice.call(results.querySelectorAll("button")); }
input.addEventListener("input", function () { showResults(); Actions.writeAddress(false); });
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
return { buildIndex, input, norm, results, search, setResultsOpen, showResults };
})();
