// Bank statements: upload a statement file (camt.053, camt.054 or MT940) and follow its import until it ends.
//
// Contract with the shell: it calls render(container, api) with an empty element to fill and
// api = { fetch(path, init) }, which works as the browser's fetch for a path of this host (e.g.
// '/api/v1/bank-statements') with the tenant's credentials added, and resolves to the Response. The fragment
// sets no credentials itself and keeps nothing outside the container; it stops polling once the container
// has left the page.

const POLL_MILLIS = 1000;
const COUNTS = [
  ['linesRead', 'Lines read'],
  ['matched', 'Matched and booked'],
  ['suspended', 'Left in the suspense queue'],
  ['skipped', 'Skipped (money out)'],
  ['duplicates', 'Imported before'],
];

const element = (tag, properties = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
};

// What an RFC 9457 problem says, with the fields at fault; the status line when the body is none.
async function problem(response) {
  const body = await response.json().catch(() => null);
  if (!body) return `${response.status} ${response.statusText}`;
  const fields = (body.errors || []).map((error) => `${error.field}: ${error.message}`);
  return [body.detail || body.title, ...fields].join('\n');
}

function progress(statementImport) {
  const rows = [
    ['Status', statementImport.status],
    ['Format', statementImport.format],
    ['File size', `${statementImport.size} bytes`],
    ...COUNTS.map(([key, label]) => [label, statementImport[key]]),
  ];
  if (statementImport.location) rows.push(['Where the file breaks', statementImport.location]);
  if (statementImport.problem) rows.push(['Problem', statementImport.problem]);
  if (statementImport.finishedAt) rows.push(['Finished', new Date(statementImport.finishedAt).toLocaleString()]);
  return element('table', {}, ...rows.map(([label, value]) => element('tr', {},
    element('th', { scope: 'row', textContent: label }), element('td', { textContent: String(value ?? '') }))));
}

export function render(container, api) {
  const file = element('input', { type: 'file', required: true, accept: '.xml,.txt,.sta,.mt940,.940' });
  const send = element('button', { type: 'submit', textContent: 'Import' });
  const status = element('div', { role: 'status' });
  const form = element('form', {}, element('label', {}, 'Statement file ', file), ' ', send);
  container.replaceChildren(element('p', {
    textContent: 'Upload a camt.053, camt.054 or MT940 file. Lines that pay an invoice are booked, the others wait in the suspense queue; a file imported twice books nothing twice.',
  }), form, status);

  async function follow(id) {
    if (!container.isConnected) return;
    const response = await api.fetch(`/api/v1/bank-statements/${encodeURIComponent(id)}`);
    if (!response.ok) {
      status.replaceChildren(element('p', { className: 'problem', textContent: await problem(response) }));
      send.disabled = false;
      return;
    }
    const statementImport = await response.json();
    status.replaceChildren(progress(statementImport));
    if (statementImport.status === 'RUNNING') {
      setTimeout(() => follow(id).catch(failed), POLL_MILLIS);
    } else {
      send.disabled = false;
    }
  }

  function failed(error) {
    status.replaceChildren(element('p', { className: 'problem', textContent: `No answer: ${error.message}` }));
    send.disabled = false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) return;
    send.disabled = true;
    status.textContent = `Uploading ${chosen.name}…`;
    try {
      const response = await api.fetch('/api/v1/bank-statements', {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
        body: chosen,
      });
      if (response.status !== 202) {
        status.replaceChildren(element('p', { className: 'problem', textContent: await problem(response) }));
        send.disabled = false;
        return;
      }
      const started = await response.json();
      status.replaceChildren(progress(started));
      await follow(started.id);
    } catch (error) {
      failed(error);
    }
  });
}

export default render;
