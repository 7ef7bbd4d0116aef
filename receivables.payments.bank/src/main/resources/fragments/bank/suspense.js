// Suspense queue: the statement lines matching could not place, oldest first, each with the candidates matching
// found; the clerk books a line to a candidate invoice (or to a customer recognised as the payer), or dismisses
// it with a reason. Resolving is final: a line another clerk resolved first answers 409, shown as such.
//
// Contract with the shell: it calls render(container, api) with an empty element to fill and
// api = { fetch(path, init) }, which works as the browser's fetch for a path of this host (e.g.
// '/api/v1/suspense-items') with the tenant's credentials added, and resolves to the Response. The fragment
// sets no credentials itself and keeps nothing outside the container.

const PAGE_SIZE = 20;

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

// Amounts arrive at their currency's scale; Intl prints them with it.
const money = (value) => new Intl.NumberFormat(undefined, { style: 'currency', currency: value.currency })
  .format(value.amount);

function describe(line) {
  const facts = [
    ['Booked', line.bookingDate],
    ['Amount', money(line.amount)],
    ['Payer', line.counterpartyName],
    ['Payer account', line.counterpartyIban],
    ['Reference', line.creditorReference],
    ['Remittance text', line.remittanceText],
    ['Bank reference', line.bankReference],
  ].filter(([, value]) => value);
  return element('dl', {}, ...facts.flatMap(([label, value]) =>
    [element('dt', { textContent: label }), element('dd', { textContent: value })]));
}

export function render(container, api) {
  const list = element('div');
  const pager = element('p');
  container.replaceChildren(list, pager);
  let page = 0;

  async function resolve(item, action, body, note) {
    note.textContent = 'Saving…';
    const response = await api.fetch(`/api/v1/suspense-items/${encodeURIComponent(item.id)}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      note.textContent = response.status === 409
        ? `Already resolved by someone else: ${await problem(response)}`
        : await problem(response);
      return;
    }
    await load();
  }

  function candidateRow(item, candidate, note) {
    const row = element('li', {}, `${candidate.confidence}% · ${candidate.reason} `);
    if (candidate.invoiceId) {
      row.append(element('button', {
        type: 'button',
        textContent: `Book to invoice ${candidate.invoiceNumber}`,
        onclick: () => resolve(item, 'match', { invoiceId: candidate.invoiceId }, note).catch(failed(note)),
      }));
    } else if (candidate.customerId) {
      row.append(element('button', {
        type: 'button',
        textContent: 'Book to this customer',
        onclick: () => resolve(item, 'match', { customerId: candidate.customerId }, note).catch(failed(note)),
      }));
    }
    return row;
  }

  function itemView(item) {
    const note = element('p', { className: 'problem', role: 'status' });
    const candidates = item.candidates.length
      ? element('ul', {}, ...item.candidates.map((candidate) => candidateRow(item, candidate, note)))
      : element('p', { textContent: 'Matching found no candidate.' });
    const reason = element('input', { required: true, placeholder: 'why this is no customer\'s payment', size: 40 });
    const dismiss = element('form', {}, reason, ' ', element('button', { type: 'submit', textContent: 'Dismiss' }));
    dismiss.addEventListener('submit', (event) => {
      event.preventDefault();
      resolve(item, 'dismiss', { reason: reason.value }, note).catch(failed(note));
    });
    return element('article', {}, element('h3', { textContent: `${money(item.line.amount)} on ${item.account}` }),
      describe(item.line), element('h4', { textContent: 'Candidates' }), candidates, dismiss, note);
  }

  function failed(note) {
    return (error) => { note.textContent = `No answer: ${error.message}`; };
  }

  async function load() {
    const response = await api.fetch(`/api/v1/suspense-items?status=OPEN&page=${page}&size=${PAGE_SIZE}`,
      { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      list.replaceChildren(element('p', { className: 'problem', textContent: await problem(response) }));
      return;
    }
    const open = await response.json();
    const pages = Math.max(1, Math.ceil(open.totalItems / open.size));
    if (page > 0 && page >= pages) {
      page = pages - 1;
      await load();
      return;
    }
    list.replaceChildren(open.items.length
      ? element('div', {}, ...open.items.map(itemView))
      : element('p', { textContent: 'Nothing waits for a clerk.' }));
    pager.replaceChildren(`${open.totalItems} open · page ${page + 1} of ${pages} `,
      element('button', { type: 'button', textContent: 'Previous', disabled: page === 0,
        onclick: () => { page -= 1; load().catch(failed(list)); } }),
      ' ',
      element('button', { type: 'button', textContent: 'Next', disabled: page + 1 >= pages,
        onclick: () => { page += 1; load().catch(failed(list)); } }),
      ' ',
      element('button', { type: 'button', textContent: 'Refresh', onclick: () => load().catch(failed(list)) }));
  }

  load().catch(failed(list));
}

export default render;
