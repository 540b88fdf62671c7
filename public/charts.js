// Gongkai: with JavaScript on, a 图解's charts answer a pointer or a tap with the value under it,
// read from the chart's own data table (the server-drawn SVG marks each bar, point and slice with
// its series and row). Without JavaScript the chart and its table are all there already.
(function () {
  'use strict';
  var figures = document.querySelectorAll('figure.chart');
  Array.prototype.forEach.call(figures, function (figure) {
    var svg = figure.querySelector('.chart-drawing svg');
    var table = figure.querySelector('table.chart-data');
    if (!svg || !table || !table.tHead || !table.tBodies[0]) return;
    var series = Array.prototype.slice.call(table.tHead.rows[0].cells, 1).map(function (cell) {
      return cell.textContent;
    });
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      return Array.prototype.map.call(row.cells, function (cell) {
        return cell.textContent;
      });
    });
    var tip = document.createElement('p');
    tip.className = 'chart-tip';
    tip.setAttribute('role', 'status');
    tip.textContent = '指向或点按图中的柱、点或扇区，可查看其数值。';
    figure.querySelector('.chart-drawing').after(tip);
    var current = null;
    function show(event) {
      var target = event.target;
      var mark = target && target.closest ? target.closest('[ecmeta_ssr_type="chart"]') : null;
      if (!mark || mark === current) return;
      var s = Number(mark.getAttribute('ecmeta_series_index'));
      var d = Number(mark.getAttribute('ecmeta_data_index'));
      var row = rows[d];
      if (!row || series[s] === undefined) return;
      if (current) current.classList.remove('chart-mark-active');
      current = mark;
      mark.classList.add('chart-mark-active');
      tip.textContent = row[0] + ' · ' + series[s] + '：' + row[s + 1];
    }
    svg.addEventListener('pointerover', show);
    svg.addEventListener('click', show);
  });
})();
