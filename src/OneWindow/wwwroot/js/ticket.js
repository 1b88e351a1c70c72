// The ticket page refreshes itself while the ticket is live (without JavaScript, <noscript> refreshes it).
(function () {
  const el = document.querySelector('[data-testid=ticket]');
  if (!el || el.dataset.live !== '1') return;
  const url = '/api/v1/tickets/' + el.dataset.ticketId + '?code=' + encodeURIComponent(el.dataset.code || '');
  let last = null;
  async function poll() {
    try {
      const r = await fetch(url, { headers: { accept: 'application/json' } });
      if (r.ok) {
        const t = await r.json();
        const key = t.status + '|' + t.position + '|' + t.counterNumber + '|' + t.recalls;
        if (last !== null && key !== last) { location.reload(); return; }
        last = key;
      }
    } catch (e) { /* offline for a moment: try again */ }
    setTimeout(poll, 5000);
  }
  poll();
})();
