// -- export: the visible graph as a PNG, with title and legend -------------------------------
/* global State, I18n, Core, View, Tables */
/* exported Export */
const Export = (function () {
const { t } = I18n;
const { DATA, FONT, container, typeOn } = Core;
const { INFERRED } = View;
const { download } = Tables;

function composePNG() {
  var graphCanvas = container.querySelector("canvas");
  var ratio = graphCanvas.width / Math.max(1, graphCanvas.clientWidth);
  var types = DATA.types.filter(function (x) {
    return typeOn[x.id] && DATA.nodes.some(function (n) { return n.type === x.id && State.NODE_SHOWN[n.id]; });
  });
  var pad = 12 * ratio, line = 20 * ratio, head = 44 * ratio;
  var perRow = Math.max(1, Math.floor(graphCanvas.width / (170 * ratio)));
  var legendRows = Math.ceil(types.length / perRow) + 1;
  var out = document.createElement("canvas");
  out.width = graphCanvas.width;
  out.height = head + graphCanvas.height + legendRows * line + 2 * pad;
  var ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = "#1f2328";
  var title = DATA.title[State.lang] || DATA.title.zh, size = 18;
  ctx.textBaseline = "middle";
  do {  // shrink the title until it fits the width
    ctx.font = "bold " + Math.round(size * ratio) + "px " + FONT;
    size -= 1;
  } while (size > 9 && ctx.measureText(title).width > out.width - 2 * pad);
  ctx.fillText(title, pad, head / 2);
  ctx.drawImage(graphCanvas, 0, head);
  ctx.font = Math.round(12 * ratio) + "px " + FONT;
  var y0 = head + graphCanvas.height + pad;
  types.forEach(function (x, i) {
    var cx = pad + (i % perRow) * 170 * ratio, cy = y0 + Math.floor(i / perRow) * line + line / 2;
    ctx.fillStyle = x.color;
    ctx.fillRect(cx, cy - 6 * ratio, 12 * ratio, 12 * ratio);
    ctx.fillStyle = "#1f2328";
    ctx.fillText(x[State.lang] + " (" + x.count + ")", cx + 18 * ratio, cy);
  });
  var ly = y0 + (legendRows - 1) * line + line / 2;
  [["done", [], "#57606a"], ["underway", [10, 6], "#57606a"], ["prospective", [3, 5], "#8c959f"],
   ["inferred", [2, 4], INFERRED]].reduce(function (cx, s) {
    ctx.strokeStyle = s[2];
    ctx.lineWidth = 2 * ratio;
    ctx.setLineDash(s[1].map(function (v) { return v * ratio; }));
    ctx.beginPath();
    ctx.moveTo(cx, ly);
    ctx.lineTo(cx + 26 * ratio, ly);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = "#1f2328";
    var key = { done: "styleDone", underway: "styleUnderway", prospective: "styleProspective", inferred: "styleInferred" }[s[0]];
    var text = t(key).replace(/[（(].*$/, "");
    ctx.fillText(text, cx + 32 * ratio, ly);
    return cx + 32 * ratio + ctx.measureText(text).width + 24 * ratio;
  }, pad);
  return out;
}
function exportPNG() {
  composePNG().toBlob(function (blob) { download("graph.png", blob); }, "image/png");
}
return { exportPNG };
})();
