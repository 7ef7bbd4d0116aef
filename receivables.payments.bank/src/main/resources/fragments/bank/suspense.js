// Suspense queue: the statement lines matching could not place, oldest first, each with the candidates matching
// found; the clerk books a line to a candidate invoice (or to a customer recognised as the payer), or dismisses
// it with a reason. Resolving is final: a line another clerk resolved first answers 409, shown as such.
//
// Contract with the shell: it calls render(container, api) with an empty element to fill and the shell's context
// as api: api.fetch/api.json reach this host's REST API with the session's credentials, api.t translates this
// module's messages, api.format formats. The fragment keeps nothing outside the container.

const PAGE_SIZE = 20;

export const messages = {
  en: {
    title: 'Suspense queue',
    booked: 'Booked',
    amount: 'Amount',
    payer: 'Payer',
    payerAccount: 'Payer account',
    reference: 'Reference',
    remittance: 'Remittance text',
    bankReference: 'Bank reference',
    saving: 'Saving…',
    takenAlready: 'Already resolved by someone else: {problem}',
    bookToInvoice: 'Book to invoice {number}',
    bookToCustomer: 'Book to this customer',
    noCandidate: 'Matching found no candidate.',
    reason: 'Why this is no customer\'s payment',
    dismiss: 'Dismiss',
    heading: '{amount} on {account}',
    candidates: 'Candidates',
    confidence: '{confidence}% · {reason}',
    noAnswer: 'No answer: {reason}',
    empty: 'Nothing waits for a clerk.',
    pager: '{total} open · page {page} of {pages}',
    previous: 'Previous',
    next: 'Next',
    refresh: 'Refresh',
  },
  'zh-CN': {
    title: '待处理队列',
    booked: '记账日期',
    amount: '金额',
    payer: '付款人',
    payerAccount: '付款人账户',
    reference: '参考号',
    remittance: '附言',
    bankReference: '银行参考号',
    saving: '正在保存…',
    takenAlready: '已被他人处理：{problem}',
    bookToInvoice: '记入发票 {number}',
    bookToCustomer: '记入此客户',
    noCandidate: '匹配未找到候选项。',
    reason: '为何这不是客户的付款',
    dismiss: '驳回',
    heading: '{account} 上的 {amount}',
    candidates: '候选项',
    confidence: '{confidence}% · {reason}',
    noAnswer: '无响应：{reason}',
    empty: '没有等待处理的项目。',
    pager: '共 {total} 项待处理 · 第 {page} / {pages} 页',
    previous: '上一页',
    next: '下一页',
    refresh: '刷新',
  },
};

export function render(container, api) {
  const { h, t, format } = api;
  const list = h('div', { className: 'suspense-list' });
  const pager = h('p', { className: 'pager' });
  container.replaceChildren(h('h1', { textContent: t('title') }), list, pager);
  let page = 0;

  function describe(line) {
    const facts = [
      [t('booked'), line.bookingDate && format.day(line.bookingDate)],
      [t('amount'), format.money(line.amount)],
      [t('payer'), line.counterpartyName],
      [t('payerAccount'), line.counterpartyIban],
      [t('reference'), line.creditorReference],
      [t('remittance'), line.remittanceText],
      [t('bankReference'), line.bankReference],
    ].filter(([, value]) => value);
    return h('dl', { className: 'facts' }, facts.flatMap(([label, value]) =>
      [h('dt', { textContent: label }), h('dd', { textContent: value })]));
  }

  async function resolve(item, action, body, note) {
    note.textContent = t('saving');
    try {
      await api.json(`/api/v1/suspense-items/${encodeURIComponent(item.id)}/${action}`, { method: 'POST', body });
    } catch (problem) {
      note.textContent = problem.status === 409 ? t('takenAlready', { problem: problem.message })
        : problem.status ? problem.message : t('noAnswer', { reason: problem.message });
      return;
    }
    await load();
  }

  function candidateRow(item, candidate, note) {
    const row = h('li', {}, t('confidence', { confidence: candidate.confidence, reason: candidate.reason }), ' ');
    if (candidate.invoiceId) {
      row.append(h('button', { type: 'button', textContent: t('bookToInvoice', { number: candidate.invoiceNumber }),
        onclick: () => resolve(item, 'match', { invoiceId: candidate.invoiceId }, note) }));
    } else if (candidate.customerId) {
      row.append(h('button', { type: 'button', textContent: t('bookToCustomer'),
        onclick: () => resolve(item, 'match', { customerId: candidate.customerId }, note) }));
    }
    return row;
  }

  function itemView(item) {
    const note = h('p', { className: 'problem', role: 'status' });
    const candidates = item.candidates.length
      ? h('ul', { className: 'candidates' }, item.candidates.map((candidate) => candidateRow(item, candidate, note)))
      : h('p', { textContent: t('noCandidate') });
    const reason = h('input', { required: true, maxLength: 500 });
    const dismiss = h('form', { className: 'inline' }, api.field(t('reason'), reason),
      h('button', { type: 'submit', textContent: t('dismiss') }));
    dismiss.addEventListener('submit', (event) => {
      event.preventDefault();
      resolve(item, 'dismiss', { reason: reason.value }, note);
    });
    return h('article', { className: 'card', 'data-suspense-item': item.id },
      h('h2', { textContent: t('heading', { amount: format.money(item.line.amount), account: item.account }) }),
      describe(item.line), h('h3', { textContent: t('candidates') }), candidates, dismiss, note);
  }

  async function load() {
    let open;
    try {
      open = await api.json(`/api/v1/suspense-items?status=OPEN&page=${page}&size=${PAGE_SIZE}`);
    } catch (problem) {
      list.replaceChildren(h('p', { className: 'problem', textContent: problem.message }));
      return;
    }
    const pages = Math.max(1, Math.ceil(open.totalItems / open.size));
    if (page > 0 && page >= pages) {
      page = pages - 1;
      await load();
      return;
    }
    list.replaceChildren(open.items.length ? h('div', {}, open.items.map(itemView)) : h('p', { textContent: t('empty') }));
    pager.replaceChildren(t('pager', { total: format.number(open.totalItems), page: page + 1, pages }), ' ',
      h('button', { type: 'button', textContent: t('previous'), disabled: page === 0,
        onclick: () => { page -= 1; load(); } }), ' ',
      h('button', { type: 'button', textContent: t('next'), disabled: page + 1 >= pages,
        onclick: () => { page += 1; load(); } }), ' ',
      h('button', { type: 'button', textContent: t('refresh'), onclick: () => load() }));
  }

  return load();
}

export default render;
