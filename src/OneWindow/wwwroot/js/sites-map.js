// 百事通 map: the sites in the page's JSON drawn on 滨州's county boundaries (shipped with the application, no online tiles).
(function () {
  const data = document.getElementById('sites-data');
  const box = document.getElementById('sites-map');
  if (!window.echarts || !data || !box) return;
  const sites = JSON.parse(data.textContent);
  fetch(box.dataset.geo).then(function (r) { return r.json(); }).then(function (geo) {
    echarts.registerMap('binzhou', geo);
    const chart = echarts.init(box);
    chart.setOption({
      tooltip: { formatter: function (p) { return p.data ? p.data.name + '<br>' + p.data.kind + (p.data.open ? ' · 正在营业' : ' · 休息') : p.name; } },
      geo: { map: 'binzhou', roam: true, label: { show: true, fontSize: 11, color: '#555' }, itemStyle: { areaColor: '#f6efe6', borderColor: '#b08d57' } },
      series: [{
        type: 'scatter', coordinateSystem: 'geo', symbolSize: 9,
        itemStyle: { color: function (p) { return p.data.open ? '#b3261e' : '#8a8a8a'; } },
        data: sites.map(function (s) { return { name: s.name, kind: s.kindLabel, open: s.openNow, id: s.id, value: [s.lng, s.lat] }; })
      }]
    });
    chart.on('click', function (p) { if (p.data && p.data.id) window.location.href = '/sites/' + p.data.id; });
    window.addEventListener('resize', function () { chart.resize(); });
    document.body.dataset.mapReady = '1';
  });
  const near = document.getElementById('near-me');
  if (near && navigator.geolocation) {
    near.hidden = false;
    near.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        const input = document.getElementById('near');
        input.value = pos.coords.latitude.toFixed(5) + ',' + pos.coords.longitude.toFixed(5);
        input.form.submit();
      });
    });
  }
})();
