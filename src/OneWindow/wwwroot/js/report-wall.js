// 政务服务大屏 and 统计分析: ECharts from the figures in the page; the wall refreshes itself every minute from ?handler=figures.
(function () {
  if (!window.echarts) return;
  const wall = document.getElementById('wall-data');
  const page = document.getElementById('report-data');
  const pct = function (v) { return v == null ? null : Math.round(v * 1000) / 10; };
  const text = function (v) { return v == null ? '—' : v; };

  function trendOption(days, dark) {
    return {
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 16, data: ['受理', '办结'], textStyle: dark ? { color: '#cfe3ff', fontSize: 16 } : {} },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: days.map(function (d) { return d.key.slice(5); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '受理', type: 'line', smooth: true, areaStyle: { opacity: 0.15 }, data: days.map(function (d) { return d.figures.received; }) },
        { name: '办结', type: 'line', smooth: true, data: days.map(function (d) { return d.figures.completed; }) }
      ]
    };
  }

  function trend(el, days, dark) {
    const chart = echarts.init(el, dark ? 'dark' : null);
    chart.setOption(trendOption(days, dark));
    return chart;
  }

  if (page) {
    const data = JSON.parse(page.textContent);
    const chart = trend(document.getElementById('chart-trend'), data.days, false);
    window.addEventListener('resize', function () { chart.resize(); });
    document.body.dataset.chartsReady = '1';
    return;
  }

  if (!wall) return;
  const charts = {
    trend: echarts.init(document.getElementById('chart-trend'), 'dark'),
    regions: echarts.init(document.getElementById('chart-regions'), 'dark'),
    departments: echarts.init(document.getElementById('chart-departments'), 'dark'),
    shares: echarts.init(document.getElementById('chart-shares'), 'dark')
  };

  // A refresh updates each chart in place (no redraw from nothing, no flicker on the wall).
  function draw(s) {
    charts.trend.setOption(trendOption(s.days, true));
    charts.regions.setOption({
      backgroundColor: 'transparent', tooltip: {}, grid: { left: 48, right: 16, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: s.regions.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '受理', data: s.regions.map(function (r) { return r.figures.received; }), itemStyle: { color: '#4fc3f7' } }]
    });
    const top = s.departments.filter(function (d) { return d.figures.received > 0 || d.figures.completed > 0; }).slice(0, 10).reverse();
    charts.departments.setOption({
      backgroundColor: 'transparent', tooltip: {}, grid: { left: 160, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: top.map(function (d) { return d.name; }) },
      series: [{ type: 'bar', name: '按时办结率', data: top.map(function (d) { return pct(d.figures.onTimeRate); }), itemStyle: { color: '#81c784' } }]
    });
    const t = s.total;
    charts.shares.setOption({
      backgroundColor: 'transparent', tooltip: {}, grid: { left: 48, right: 16, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: ['网办率', '一窗受理率', '一次办成率', '按时办结率', '即办占比', '满意率'], axisLabel: { interval: 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', data: [pct(t.onlineShare), pct(t.oneWindowShare), pct(t.doneInOneVisitShare), pct(t.onTimeRate), pct(t.instantShare), pct(t.satisfaction)], itemStyle: { color: '#ffb74d' } }]
    });
  }

  function tiles(s) {
    const t = s.total;
    const p = function (v) { return v == null ? '—' : (Math.round(v * 1000) / 10).toFixed(1) + '%'; };
    const values = {
      'received': t.received, 'completed': t.completed, 'online': p(t.onlineShare), 'one-window': p(t.oneWindowShare), 'one-visit': p(t.doneInOneVisitShare),
      'on-time': p(t.onTimeRate), 'avg-days': text(t.avgWorkingDays), 'p90-days': text(t.p90WorkingDays), 'instant': p(t.instantShare),
      'wait': t.avgWaitMinutes == null ? '—' : t.avgWaitMinutes.toFixed(1), 'satisfaction': p(t.satisfaction), 'work-orders': t.workOrders,
      'work-orders-on-time': p(t.workOrdersOnTime), 'callbacks': t.callbacks
    };
    document.querySelectorAll('[data-key]').forEach(function (el) { el.textContent = values[el.dataset.key]; });
    const at = new Date(s.at);
    document.getElementById('updated').textContent = at.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  }

  draw(JSON.parse(wall.textContent));
  document.body.dataset.chartsReady = '1';
  window.addEventListener('resize', function () { Object.values(charts).forEach(function (c) { c.resize(); }); });

  const every = Number(document.body.dataset.refresh || 60) * 1000;
  setInterval(function () {
    const url = new URL(window.location.href);
    url.searchParams.set('handler', 'figures');
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (s) { draw(s); tiles(s); document.body.dataset.refreshed = String(Number(document.body.dataset.refreshed || 0) + 1); })
      .catch(function () { /* keep the last figures; the next minute tries again */ });
  }, every);
})();
