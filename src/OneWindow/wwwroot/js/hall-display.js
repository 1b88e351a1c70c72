// 叫号显示屏: live over SignalR; long polling when SignalR cannot connect; speech with the Web Speech API.
(function () {
  const body = document.body;
  const hallId = body.dataset.hallId;
  let stamp = Number(body.dataset.stamp || 0);
  const live = document.getElementById('live');
  const spoken = new Set();
  let speak = false;

  document.querySelectorAll('#current tr[data-key]').forEach(function (tr) { spoken.add(tr.dataset.key); });

  const speechButton = document.getElementById('speech');
  if ('speechSynthesis' in window) {
    speechButton.hidden = false;
    speechButton.addEventListener('click', function () {
      speak = !speak;
      speechButton.textContent = speak ? '关闭语音播报' : '开启语音播报';
    });
  }

  function hhmm(iso) {
    const d = new Date(iso);
    return d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });
  }

  function cell(text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  function announce(call) {
    const key = call.number + '@' + call.counterNumber + '#' + call.recalls;
    if (spoken.has(key)) return;
    spoken.add(key);
    if (speak && 'speechSynthesis' in window) {
      const u = new SpeechSynthesisUtterance(call.announcement);
      u.lang = 'zh-CN';
      window.speechSynthesis.speak(u);
    }
  }

  // The clock: Beijing time whatever the screen's own time zone, redrawn every second.
  const clock = document.getElementById('clock');
  const clockDate = document.getElementById('clock-date');
  function tick() {
    const now = new Date();
    clock.textContent = now.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });
    clockDate.textContent = now.toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', timeZone: 'Asia/Shanghai' });
  }
  tick();
  setInterval(tick, 1000);

  function render(view) {
    if (view.stamp < stamp) return;
    stamp = view.stamp;
    const notice = document.getElementById('notice');
    document.getElementById('notice-text').textContent = view.notice || '';
    notice.hidden = !view.notice;
    const current = document.getElementById('current');
    current.replaceChildren();
    if (view.current.length === 0) {
      const tr = document.createElement('tr');
      const td = cell('暂无呼叫', 'text-muted');
      td.colSpan = 3;
      tr.appendChild(td);
      current.appendChild(tr);
    }
    const arrived = Date.now();
    view.current.forEach(function (c) {
      const tr = document.createElement('tr');
      tr.dataset.number = c.number;
      // How long the call took to reach this screen (server and screen share a clock in the hall's network; shown to tests).
      tr.dataset.latencyMs = String(Math.max(0, arrived - Date.parse(c.calledAt)));
      tr.appendChild(cell(c.number, 'ow-call-number'));
      tr.appendChild(cell(c.counterNumber + ' 号窗口'));
      tr.appendChild(cell(c.status));
      current.appendChild(tr);
      announce(c);
    });
    const waiting = document.getElementById('waiting');
    waiting.replaceChildren();
    view.waiting.forEach(function (w) {
      const tr = document.createElement('tr');
      tr.appendChild(cell(w.group + ' ' + w.name));
      tr.appendChild(cell(w.waiting + ' 人', 'text-end'));
      tr.appendChild(cell('约 ' + w.estimatedWaitMinutes + ' 分钟', 'text-end'));
      waiting.appendChild(tr);
    });
    const recent = document.getElementById('recent');
    recent.replaceChildren();
    view.recent.forEach(function (c) {
      const li = document.createElement('li');
      li.textContent = c.number + ' → ' + c.counterNumber + ' 号窗口 ';
      const s = document.createElement('span');
      s.className = 'small';
      s.textContent = hhmm(c.calledAt);
      li.appendChild(s);
      recent.appendChild(li);
    });
  }

  async function poll() {
    live.textContent = '轮询更新';
    for (;;) {
      try {
        const r = await fetch('/api/v1/halls/' + hallId + '/display?after=' + stamp + '&wait=25', { headers: { accept: 'application/json' } });
        if (r.ok) render(await r.json()); else await new Promise(function (ok) { setTimeout(ok, 2000); });
      } catch (e) {
        await new Promise(function (ok) { setTimeout(ok, 2000); });
      }
    }
  }

  if (!window.signalR) { poll(); return; }
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall-display').withAutomaticReconnect().build();
  connection.on('display', render);
  connection.onreconnected(function () { connection.invoke('Watch', hallId); });
  connection.start()
    .then(function () { return connection.invoke('Watch', hallId); })
    .then(function () { live.textContent = '实时推送'; live.dataset.live = 'signalr'; })
    .catch(function () { poll(); });
})();
