// 12345 热线统计: orders per day by type, stacked, drawn with ECharts from the figures in the page (the table below has the same).
(function () {
  const data = document.getElementById('hotline-data');
  if (!window.echarts || !data) return;
  const s = JSON.parse(data.textContent);
  const types = s.perDay.length ? Object.keys(s.perDay[0].byType) : [];
  const colors = ['#1f5fa8', '#2e9d5b', '#c8102e', '#e08a00', '#6f42c1', '#5a6a7a'];
  const chart = echarts.init(document.getElementById('chart-days'));
  chart.setOption({
    color: colors,
    tooltip: { trigger: 'axis' },
    legend: { data: types },
    xAxis: { type: 'category', data: s.perDay.map(function (d) { return d.date.slice(5); }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: types.map(function (t) {
      return { name: t, type: 'bar', stack: 'all', data: s.perDay.map(function (d) { return d.byType[t]; }) };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
  document.body.dataset.chartsReady = '1';
})();
