// Opens a real EventSource on GET /api/v1/events?access_token=..., records what arrives,
// and writes it into <pre id="result"> (one "ESCHECK|..." line per fact) and document.title.
//
// The page triggers nothing on the server. eventsource_check.sh watches for the
// "ESCHECK-READY" console line (Chromium logs console messages to stderr with
// --enable-logging=stderr), injects a call, and reads the DOM that --dump-dom prints.
//
// --dump-dom serialises the DOM when the page's load event fires, and an open EventSource
// does not delay that event (and --virtual-time-budget never expires while the stream is
// pending). So the page holds its load event with an iframe whose document was opened with
// document.open() and is not closed until finish() runs.
(function () {
    'use strict';

    const params = new URLSearchParams(location.search);
    const base = params.get('base') || '';
    const token = params.get('token') || '';
    const deadlineMs = Number(params.get('deadlineMs') || 25000);
    const out = document.getElementById('result');

    function line(text) {
        out.textContent += 'ESCHECK|' + text + '\n';
    }

    // Hold the window load event (and with it --dump-dom) until finish().
    const holder = document.createElement('iframe');
    holder.style.display = 'none';
    document.body.appendChild(holder);
    const heldDoc = holder.contentDocument;
    heldDoc.open();
    heldDoc.write('<!doctype html><title>holding load until EventSource results</title>');

    const received = [];
    let es = null;
    let finished = false;
    let customer = '';

    function finish(status, detail) {
        if (finished) return;
        finished = true;
        if (es) es.close();
        line('status|' + status + (detail ? '|' + detail : ''));
        line('count|' + received.length);
        const parts = [status].concat(received.map(function (r) { return r.type + '#' + r.id; }));
        if (customer) parts.push('customer=' + customer);
        document.title = 'eventsource-check: ' + parts.join(' ');
        console.log('ESCHECK-DONE ' + status);
        heldDoc.close();  // releases the load event -> Chromium dumps the DOM
    }

    function record(type, e) {
        if (finished) return;
        const entry = { type: type, id: e.lastEventId };
        received.push(entry);
        let extra = '';
        let data = null;
        try {
            data = JSON.parse(e.data);
        } catch (err) {
            extra = 'unparsable-data';
        }
        if (type === 'snapshot' && data) {
            extra = 'agent=' + (data.agent && data.agent.id) + ' state=' + (data.agent && data.agent.state);
        }
        if (type === 'call.offered' && data) {
            const call = data.call || {};
            const matches = call.customerMatches || [];
            customer = matches.length ? matches[0].name : '';
            extra = 'call=' + call.id + ' customer=' + customer;
        }
        line('event|' + received.length + '|' + type + '|' + e.lastEventId + '|' + extra);
        if (type === 'snapshot' && received.length === 1) {
            console.log('ESCHECK-READY snapshot id=' + e.lastEventId);
        }
        if (type === 'call.offered') {
            // Let the events published together with the offer (queue stats) arrive too.
            setTimeout(function () { finish('done'); }, 500);
        }
    }

    line('page|loaded|origin=' + location.protocol);
    if (!base || !token) {
        finish('bad-page-params', 'base and token query parameters are required');
        return;
    }

    const types = ['snapshot', 'agent.state', 'call.offered', 'call.state', 'call.ended',
                   'queue.stats', 'transcript.segment', 'note.saved', 'alert', 'resync'];
    try {
        es = new EventSource(base + '/api/v1/events?access_token=' + encodeURIComponent(token));
    } catch (err) {
        finish('constructor-threw', String(err));
        return;
    }
    types.forEach(function (t) {
        es.addEventListener(t, function (e) { record(t, e); });
    });
    es.onmessage = function (e) { record('message', e); };
    es.onopen = function () { line('open|readyState=' + es.readyState); };
    es.onerror = function () {
        line('error|readyState=' + es.readyState);
        // CLOSED means the browser gave up (e.g. 401, wrong content type): report it now.
        if (es.readyState === EventSource.CLOSED) finish('stream-closed', 'EventSource failed (readyState CLOSED)');
    };
    setTimeout(function () { finish('page-timeout', 'no call.offered within ' + deadlineMs + ' ms'); }, deadlineMs);
})();
