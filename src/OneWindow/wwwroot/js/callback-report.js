// 回访与整改报表: callbacks per day and satisfaction by department, drawn with ECharts from the figures in the page (the tables have the same).
(function () {
  const data = document.getElementById('callback-data');
  if (!window.echarts || !data) return;
  const s = JSON.parse(data.textContent);
  const days = echarts.init(document.getElementById('chart-days'));
  days.setOption({
    color: ['#5a6a7a', '#1f5fa8', '#2e9d5b'],
    tooltip: { trigger: 'axis' },
    legend: { data: ['任务', '已拨打', '接通'] },
    xAxis: { type: 'category', data: s.days.map(function (d) { return d.date.slice(5); }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '任务', type: 'bar', data: s.days.map(function (d) { return d.tasks; }) },
      { name: '已拨打', type: 'bar', data: s.days.map(function (d) { return d.called; }) },
      { name: '接通', type: 'bar', data: s.days.map(function (d) { return d.reached; }) }
    ]
  });
  const deps = echarts.init(document.getElementById('chart-departments'));
  deps.setOption({
    color: ['#2e9d5b'],
    tooltip: { formatter: function (p) { return p.name + '：' + p.value + '%'; } },
    grid: { left: 120 },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', data: s.byDepartment.map(function (d) { return d.name; }) },
    series: [{ type: 'bar', data: s.byDepartment.map(function (d) { return d.rate === null ? 0 : Math.round(d.rate * 1000) / 10; }) }]
  });
  window.addEventListener('resize', function () { days.resize(); deps.resize(); });
  document.body.dataset.chartsReady = '1';
})();
