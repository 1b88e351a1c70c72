// 大厅运行指标: the charts of the hall dashboard, drawn with ECharts from the figures in the page.
(function () {
  if (!window.echarts) return;
  const m = JSON.parse(document.getElementById('metrics-data').textContent);
  const hours = echarts.init(document.getElementById('chart-hours'));
  hours.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['取号', '办结'] },
    xAxis: { type: 'category', data: m.byHour.map(function (h) { return h.hour + '时'; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '取号', type: 'bar', data: m.byHour.map(function (h) { return h.issued; }), itemStyle: { color: '#1f5fa8' } },
      { name: '办结', type: 'bar', data: m.byHour.map(function (h) { return h.served; }), itemStyle: { color: '#2e9d5b' } }
    ]
  });
  const counters = echarts.init(document.getElementById('chart-counters'));
  counters.setOption({
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
    grid: { left: 110 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: m.counters.map(function (c) { return c.name; }), inverse: true },
    series: [{ type: 'bar', data: m.counters.map(function (c) { return Math.round(c.utilisation * 1000) / 10; }), itemStyle: { color: '#c8102e' } }]
  });
  window.addEventListener('resize', function () { hours.resize(); counters.resize(); });
  document.body.dataset.chartsReady = '1';
})();
