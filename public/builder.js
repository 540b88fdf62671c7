// Gongkai: with JavaScript on, the graphic builder previews each chart's data as it is pasted or
// typed — the table it will draw and the cells that are not numbers — before anything is sent.
// The server checks the same data again (parseChartData); without JavaScript the form works as is.
(function () {
  'use strict';
  var NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
  var SHOWN_ROWS = 12;
  var areas = document.querySelectorAll('textarea[name="chart1.data"], textarea[name="chart2.data"]');
  Array.prototype.forEach.call(areas, function (area) {
    var preview = document.createElement('div');
    preview.className = 'chart-preview';
    var status = document.createElement('p');
    status.className = 'chart-preview-status';
    status.setAttribute('role', 'status');
    preview.appendChild(status);
    area.parentNode.appendChild(preview);
    var timer = null;
    function render() {
      var old = preview.querySelector('table');
      if (old) preview.removeChild(old);
      var lines = area.value.replace(/\r/g, '').split('\n');
      while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
      if (lines.length === 0) {
        status.textContent = '';
        return;
      }
      var separator = lines[0].indexOf('\t') >= 0 ? '\t' : ',';
      var rows = lines.map(function (line) {
        return line.split(separator).map(function (cell) {
          return cell.trim();
        });
      });
      var bad = 0;
      var table = document.createElement('table');
      table.className = 'chart-data';
      rows.slice(0, SHOWN_ROWS + 1).forEach(function (cells, r) {
        var tr = document.createElement('tr');
        cells.forEach(function (cell, c) {
          var td = document.createElement(r === 0 || c === 0 ? 'th' : 'td');
          td.textContent = cell;
          tr.appendChild(td);
        });
        table.appendChild(tr);
      });
      rows.slice(1).forEach(function (cells, r) {
        cells.slice(1).forEach(function (cell, c) {
          if (!NUMBER.test(cell.normalize('NFKC').replace(/\s/g, ''))) {
            bad++;
            var row = table.rows[r + 1];
            if (row && row.cells[c + 1]) row.cells[c + 1].className = 'cell-error';
          }
        });
      });
      preview.appendChild(table);
      status.textContent =
        '预览：' +
        (rows.length - 1) +
        ' 行、' +
        Math.max(0, rows[0].length - 1) +
        ' 个数据系列' +
        (bad > 0 ? '；有 ' + bad + ' 处不是数字（标红）' : '') +
        (rows.length - 1 > SHOWN_ROWS ? '；只显示前 ' + SHOWN_ROWS + ' 行' : '') +
        '。';
    }
    area.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(render, 200);
    });
    render();
  });
})();
