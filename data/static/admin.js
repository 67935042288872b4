// chosa administrator console: a bar chart beside each tally table and a 100% stacked bar chart
// beside each cross table (Chart.js, from the numbers in the canvas's data-chart attribute; the
// table stays the accessible source), and the live
// part of the dashboard (#live) refreshed every data-refresh seconds while the tab is visible.
(function () {
  'use strict';
  var charts = [];

  function drawCharts(root) {
    if (typeof Chart === 'undefined') return;  // the tables remain
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    Array.prototype.forEach.call(root.querySelectorAll('canvas[data-chart]'), function (canvas) {
      var data = JSON.parse(canvas.getAttribute('data-chart'));
      if (data.datasets) { charts.push(stacked(canvas, data)); return; }
      var shortLabels = data.labels.map(function (l) { return l.length > 18 ? l.slice(0, 17) + '…' : l; });
      canvas.parentNode.style.height = (data.labels.length * 24 + 40) + 'px';
      charts.push(new Chart(canvas, {
        type: 'bar',
        data: {
          labels: shortLabels,
          datasets: [{ data: data.values, backgroundColor: '#0b4f9c', barPercentage: 0.8 }]
        },
        options: {
          indexAxis: 'y',
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                title: function (items) { return data.labels[items[0].dataIndex]; },
                label: function (c) { return c.formattedValue + '%'; }
              }
            }
          },
          scales: {
            x: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } },
            y: { ticks: { autoSkip: false } }
          }
        }
      }));
    });
  }

  // A cross table: one 100% stacked bar per row (total and groups), one colour per option.
  var PALETTE = ['#0b4f9c', '#5b9bd5', '#ed7d31', '#a5a5a5', '#ffc000', '#70ad47', '#264478',
    '#9e480e', '#636363', '#997300', '#43682b', '#698ed0'];
  function stacked(canvas, data) {
    canvas.parentNode.style.height = (data.labels.length * 32 + 90) + 'px';
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (d, i) {
          return { label: d.label, data: d.data, backgroundColor: PALETTE[i % PALETTE.length] };
        })
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: 'bottom' } },
        scales: {
          x: { stacked: true, min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } },
          y: { stacked: true, ticks: { autoSkip: false } }
        }
      }
    });
  }

  var live = document.getElementById('live');
  if (typeof Chart !== 'undefined') {
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#1a1a1a';
  }
  drawCharts(document);
  if (typeof Chart !== 'undefined') document.body.classList.add('charted');
  if (!live) return;
  var seconds = Number(live.getAttribute('data-refresh')) || 15;
  var timer = setInterval(function () {
    if (document.visibilityState !== 'visible') return;
    fetch(location.href, { credentials: 'same-origin', redirect: 'manual' }).then(function (r) {
      if (r.status !== 200) { clearInterval(timer); return null; }  // logged out or expired
      return r.text();
    }).then(function (html) {
      if (html === null) return;
      var next = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
      if (!next) return;
      live.replaceChildren.apply(live, Array.prototype.slice.call(next.childNodes));
      drawCharts(live);
    }).catch(function () { /* offline for a moment: try again next time */ });
  }, seconds * 1000);
})();
