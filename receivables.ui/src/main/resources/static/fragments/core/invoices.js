// Invoices: the list filtered, sorted and paged by the host, with totals per currency over all its pages; a draft from an order;
// an invoice's detail with its lines and installments, and issuing, crediting and writing it off; its disputes, opened
// and resolved there (a disputed invoice is not dunned).
import { attempt, fill, badge, customerSelect, facts, holds, pager, problemLine, query, riskPercent, withShared } from './common.js';

const STATUSES = ['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'CANCELED', 'WRITTEN_OFF'];
const SORTS = ['-number', 'number', '-issueDate', 'issueDate', 'dueDate', '-dueDate'];

export const messages = withShared({
  en: {
    title: 'Invoices',
    status: 'Status',
    any: 'Any',
    currency: 'Currency',
    overdueOnly: 'Overdue only',
    sort: 'Order',
    'sort.-number': 'Newest number first',
    'sort.number': 'Oldest number first',
    'sort.-issueDate': 'Latest issued first',
    'sort.issueDate': 'Earliest issued first',
    'sort.dueDate': 'Earliest due first',
    'sort.-dueDate': 'Latest due first',
    filter: 'Show',
    number: 'Number',
    customer: 'Customer',
    issued: 'Issued',
    due: 'Due',
    gross: 'Total',
    openAmount: 'Open',
    draft: '(draft)',
    none: 'No invoice matches.',
    filterTotals: 'Totals of all pages',
    newInvoice: 'New invoice',
    orderId: 'Order',
    orderDate: 'Order date',
    product: 'Product',
    description: 'Description',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    taxRate: 'Tax rate %',
    addLine: 'Add a line',
    createDraft: 'Create draft',
    back: 'Back to the list',
    net: 'Net',
    tax: 'Tax',
    terms: 'Terms',
    lines: 'Lines',
    installments: 'Installments',
    installment: 'Installment',
    amount: 'Amount',
    issue: 'Issue',
    issueDate: 'Issue date',
    creditNote: 'Credit note',
    creditAmount: 'Amount (empty: all that is open)',
    reason: 'Reason',
    createCreditNote: 'Issue credit note',
    writeOff: 'Write off as bad debt',
    confirmWriteOff: 'Write off everything still open',
    payWithProvider: 'Take payment with a provider',
    recordPayment: 'Record payment',
    done: 'Done.',
    waitsForApproval: 'Not done yet: above the approval threshold, this waits until a second finance manager approves it (request {id}).',
    disputes: 'Disputes',
    noDisputes: 'The customer has not disputed this invoice.',
    disputeOpen: 'Disputed since {when}: not dunned until the dispute is resolved.',
    disputeClosed: 'Disputed {opened}, resolved {resolved}',
    openDispute: 'Record a dispute',
    resolution: 'Resolution',
    resolveDispute: 'Resolve the dispute',
    prediction: 'Predicted payment',
    predictedOn: 'Predicted payment date',
    predictedDaysLate: 'Days late',
    riskProbability: 'Over 90 days late or never',
  },
  'zh-CN': {
    title: '发票',
    status: '状态',
    any: '全部',
    currency: '币种',
    overdueOnly: '仅逾期',
    sort: '排序',
    'sort.-number': '编号从新到旧',
    'sort.number': '编号从旧到新',
    'sort.-issueDate': '开具日期从晚到早',
    'sort.issueDate': '开具日期从早到晚',
    'sort.dueDate': '到期日从早到晚',
    'sort.-dueDate': '到期日从晚到早',
    filter: '显示',
    number: '编号',
    customer: '客户',
    issued: '开具日期',
    due: '到期日',
    gross: '总额',
    openAmount: '未结',
    draft: '（草稿）',
    none: '没有匹配的发票。',
    filterTotals: '所有页合计',
    newInvoice: '新建发票',
    orderId: '订单',
    orderDate: '订单日期',
    product: '产品',
    description: '描述',
    quantity: '数量',
    unitPrice: '单价',
    taxRate: '税率 %',
    addLine: '添加一行',
    createDraft: '创建草稿',
    back: '返回列表',
    net: '净额',
    tax: '税额',
    terms: '付款条件',
    lines: '明细',
    installments: '分期',
    installment: '分期',
    amount: '金额',
    issue: '开具',
    issueDate: '开具日期',
    creditNote: '贷项通知单',
    creditAmount: '金额（留空：全部未结金额）',
    reason: '原因',
    createCreditNote: '开具贷项通知单',
    writeOff: '作为坏账核销',
    confirmWriteOff: '核销全部未结金额',
    payWithProvider: '通过支付服务商收款',
    recordPayment: '记录付款',
    done: '已完成。',
    waitsForApproval: '尚未执行：金额超过审批阈值，需另一位财务经理批准后生效（申请 {id}）。',
    disputes: '争议',
    noDisputes: '客户未对此发票提出争议。',
    disputeOpen: '自 {when} 起有争议：争议解决前不催收。',
    disputeClosed: '{opened} 提出争议，{resolved} 已解决',
    openDispute: '记录争议',
    resolution: '处理结果',
    resolveDispute: '解决争议',
    prediction: '付款预测',
    predictedOn: '预计付款日期',
    predictedDaysLate: '逾期天数',
    riskProbability: '逾期超过 90 天或不付款的概率',
  },
});

export function render(container, context) {
  if (context.params.id) return shown(container, context, context.params.id);
  if (context.params.create) return create(container, context);
  return list(container, context);
}

/** The detail, shown again when the host reports a change to the invoice or a payment of its customer. */
async function shown(container, context, id) {
  const invoice = await detail(container, context, id);
  context.on('receivables/', (event) => {
    if (event.invoiceId === id || event.id === id || event.customerId === invoice.customerId) {
      detail(container, context, id).catch(() => null);
    }
  });
}

async function list(container, context) {
  const { h, t, format } = context;
  const p = context.params;
  const status = h('select', { name: 'status' }, h('option', { value: '', textContent: t('any') }),
    STATUSES.map((s) => h('option', { value: s, textContent: t(`status.${s}`), selected: p.status === s })));
  const currency = h('input', { name: 'currency', value: p.currency || '', maxLength: 3, size: 4 });
  const overdue = h('input', { type: 'checkbox', name: 'overdue', checked: Boolean(p.overdueOn) });
  const sort = h('select', { name: 'sort' }, SORTS.map((s) => h('option', { value: s, textContent: t(`sort.${s}`), selected: (p.sort || '-number') === s })));
  const filters = h('form', { className: 'filters', role: 'search' },
    context.field(t('status'), status), context.field(t('currency'), currency), context.field(t('overdueOnly'), overdue),
    context.field(t('sort'), sort), h('button', { type: 'submit', textContent: t('filter') }));
  const results = h('div');
  container.replaceChildren(h('h1', { textContent: t('title') }),
    h('p', { className: 'actions' }, h('a', { className: 'button', href: `#/core.invoices?${query({ create: 1, customerId: p.customerId })}`, textContent: t('newInvoice') })),
    filters, results);

  const go = (page) => context.navigate('core.invoices', { status: status.value, currency: currency.value.trim().toUpperCase(),
    overdueOn: overdue.checked ? format.today() : '', sort: sort.value, customerId: p.customerId, page });
  filters.addEventListener('submit', (event) => { event.preventDefault(); go(0); });

  await attempt(context, results, async () => {
    const found = await context.json(`/api/v1/invoices?${query({ status: p.status, currency: p.currency, overdueOn: p.overdueOn,
      customerId: p.customerId, sort: p.sort, page: p.page || 0, size: 20 })}`);
    const footer = found.totals.map((total, i) => h('tr', {}, h('th', { scope: 'row', colSpan: 4, textContent: i === 0 ? t('filterTotals') : '' }),
      h('td', { className: 'amount', textContent: format.money(total.gross) }),
      h('td', { className: 'amount', textContent: format.money(total.open) })));
    results.replaceChildren(found.items.length === 0 ? h('p', { textContent: t('none') }) : context.table(
      [t('number'), t('status'), t('issued'), t('due'), t('gross'), t('openAmount')],
      found.items.map((invoice) => h('tr', {},
        h('td', {}, h('a', { href: `#/core.invoices?id=${encodeURIComponent(invoice.id)}`, textContent: invoice.number || `${invoice.orderId} ${t('draft')}` })),
        h('td', {}, badge(context, invoice.status)),
        h('td', { textContent: format.day(invoice.issueDate) }),
        h('td', { textContent: format.day(invoice.dueDate) }),
        h('td', { className: 'amount', textContent: format.money(invoice.gross) }),
        h('td', { className: 'amount', textContent: format.money(invoice.open) }))), footer),
    pager(context, found, go));
  });
}

async function create(container, context) {
  const { h, t, format } = context;
  const customer = await customerSelect(context, context.params.customerId);
  const currency = h('input', { name: 'currency', required: true, maxLength: 3, size: 4, value: 'EUR' });
  const syncCurrency = () => {
    const chosen = customer.selectedOptions[0];
    if (chosen && chosen.dataset.currency) currency.value = chosen.dataset.currency;
  };
  customer.addEventListener('change', syncCurrency);
  syncCurrency();
  const orderId = h('input', { name: 'orderId', required: true, value: `UI-${Date.now().toString(36).toUpperCase()}` });
  const orderDate = h('input', { name: 'orderDate', type: 'date', required: true, value: format.today() });
  const lines = h('div', { className: 'lines' });
  const addLine = () => {
    const line = h('fieldset', { className: 'line' }, h('legend', { textContent: `${t('lines')} ${lines.children.length + 1}` }),
      context.field(t('product'), h('input', { name: 'product', required: true })),
      context.field(t('description'), h('input', { name: 'description' })),
      context.field(t('quantity'), h('input', { name: 'quantity', required: true, inputMode: 'decimal', value: '1' })),
      context.field(t('unitPrice'), h('input', { name: 'unitPrice', required: true, inputMode: 'decimal' })),
      context.field(t('taxRate'), h('input', { name: 'taxRate', inputMode: 'decimal', value: '0' })));
    lines.append(line);
  };
  addLine();
  const note = h('div', { role: 'status' });
  const form = h('form', { className: 'grid-form card' },
    context.field(t('customer'), customer), context.field(t('currency'), currency),
    context.field(t('orderId'), orderId), context.field(t('orderDate'), orderDate), lines,
    h('p', {}, h('button', { type: 'button', textContent: t('addLine'), onclick: addLine })),
    h('button', { type: 'submit', className: 'primary', textContent: t('createDraft') }), note);
  container.replaceChildren(h('p', {}, h('a', { href: '#/core.invoices', textContent: t('back') })),
    h('h1', { textContent: t('newInvoice') }), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (fieldset, name) => fieldset.querySelector(`[name="${name}"]`).value.trim();
    const body = {
      orderId: orderId.value.trim(), customerId: customer.value, currency: currency.value.trim().toUpperCase(), orderDate: orderDate.value,
      lines: [...lines.children].map((fieldset) => ({
        product: value(fieldset, 'product'), description: value(fieldset, 'description') || undefined,
        quantity: value(fieldset, 'quantity'), unitPrice: value(fieldset, 'unitPrice'), taxRate: value(fieldset, 'taxRate') || undefined,
      })),
    };
    let draft;
    if (await attempt(context, note, async () => { draft = await context.json('/api/v1/invoices', { method: 'POST', body }); })) {
      context.navigate('core.invoices', { id: draft.id });
    }
  });
}

async function detail(container, context, id) {
  const { h, t, format } = context;
  const base = `/api/v1/invoices/${encodeURIComponent(id)}`;
  const invoice = await context.json(base);
  const note = h('div', { role: 'status' });
  const act = (path, body) => attempt(context, note, async () => {
    const answer = await context.json(`${base}/${path}`, { method: 'POST', body, headers: { 'Idempotency-Key': context.idempotencyKey() } });
    await detail(container, context, id);
    // Four eyes: the host answered with an approval request instead of the write-off or credit note.
    if (answer && answer.kind && answer.status === 'PENDING') {
      container.prepend(h('p', { className: 'notice', role: 'status', textContent: t('waitsForApproval', { id: answer.id }) }));
    }
  });

  const actions = [];
  if (invoice.status === 'DRAFT') {
    const issueDate = h('input', { type: 'date', name: 'issueDate', value: format.today() });
    const issue = h('form', { className: 'inline card' }, context.field(t('issueDate'), issueDate),
      h('button', { type: 'submit', className: 'primary', textContent: t('issue') }));
    issue.addEventListener('submit', (event) => { event.preventDefault(); act('issue', { issueDate: issueDate.value }); });
    actions.push(issue);
  }
  const open = invoice.open && !context.decimal.isZero(invoice.open.amount) && invoice.status !== 'DRAFT';
  if (open) {
    actions.push(h('p', { className: 'actions' },
      h('a', { className: 'button primary', href: `#/core.intents?${query({ invoiceId: id })}`, textContent: t('payWithProvider') }), ' ',
      h('a', { className: 'button', href: `#/core.payments?${query({ record: 1, customerId: invoice.customerId, invoiceId: id })}`, textContent: t('recordPayment') })));
    const amount = h('input', { name: 'amount', inputMode: 'decimal' });
    const reason = h('input', { name: 'reason', required: true });
    const credit = h('form', { className: 'grid-form card' }, h('h2', { textContent: t('creditNote') }),
      context.field(t('creditAmount'), amount), context.field(t('reason'), reason),
      h('button', { type: 'submit', textContent: t('createCreditNote') }));
    credit.addEventListener('submit', (event) => {
      event.preventDefault();
      act('credit-notes', { amount: amount.value.trim() || undefined, reason: reason.value.trim() });
    });
    const writeReason = h('input', { name: 'reason', required: true });
    const writeOff = h('form', { className: 'grid-form card' }, h('h2', { textContent: t('writeOff') }),
      context.field(t('reason'), writeReason), h('button', { type: 'submit', className: 'danger', textContent: t('confirmWriteOff') }));
    writeOff.addEventListener('submit', (event) => { event.preventDefault(); act('write-off', { reason: writeReason.value.trim() }); });
    actions.push(credit, writeOff);
  }
  if (invoice.status !== 'DRAFT' && holds(context, 'CLERK', 'COLLECTOR', 'FINANCE_MANAGER', 'AUDITOR')) {
    actions.push(await disputes(context, id, () => detail(container, context, id)));
  }
  // What the risk model predicts for the open installments, for those who may read it, once it has scored them
  // (404 until then).
  const prediction = open && holds(context, 'FINANCE_MANAGER', 'AUDITOR')
    ? await context.json(`/api/v1/risk/invoices/${encodeURIComponent(id)}`)
      .catch((problem) => (problem && problem.status === 404 ? null : { problem })) : null;

  fill(container,
    h('p', {}, h('a', { href: '#/core.invoices', textContent: t('back') })),
    h('h1', {}, `${invoice.number || `${invoice.orderId} ${t('draft')}`} `, badge(context, invoice.status)),
    facts(context, [
      [t('customer'), h('a', { href: `#/core.customers?id=${encodeURIComponent(invoice.customerId)}`, textContent: t('open') })],
      [t('orderId'), invoice.orderId], [t('issued'), invoice.issueDate && format.day(invoice.issueDate)],
      [t('due'), invoice.dueDate && format.day(invoice.dueDate)], [t('terms'), invoice.termsCode],
      [t('net'), format.money(invoice.net)], [t('tax'), format.money(invoice.tax)], [t('gross'), format.money(invoice.gross)],
      [t('openAmount'), h('strong', { className: 'invoice-open', textContent: format.money(invoice.open) })]]),
    h('h2', { textContent: t('lines') }),
    context.table([t('product'), t('description'), t('quantity'), t('unitPrice'), t('taxRate')], invoice.lines.map((line) => h('tr', {},
      h('td', { textContent: line.product }), h('td', { textContent: line.description || '' }),
      h('td', { className: 'amount', textContent: String(line.quantity) }),
      h('td', { className: 'amount', textContent: format.money(line.unitPrice) }),
      h('td', { className: 'amount', textContent: line.taxRate === null || line.taxRate === undefined ? '' : String(line.taxRate) })))),
    invoice.installments.length ? h('h2', { textContent: t('installments') }) : null,
    invoice.installments.length ? context.table([t('installment'), t('due'), t('amount'), t('openAmount')], invoice.installments.map((installment) => h('tr', {},
      h('td', { textContent: String(installment.sequence) }), h('td', { textContent: format.day(installment.dueDate) }),
      h('td', { className: 'amount', textContent: format.money(installment.amount) }),
      h('td', { className: 'amount', textContent: format.money(installment.open) })))) : null,
    prediction ? h('h2', { textContent: t('prediction') }) : null,
    prediction && prediction.problem ? problemLine(context, prediction.problem) : null,
    prediction && !prediction.problem ? context.table([t('installment'), t('predictedOn'), t('predictedDaysLate'), t('riskProbability')],
      prediction.installments.map((predicted) => h('tr', {},
        h('td', { textContent: String(predicted.sequenceNumber) }),
        h('td', { className: 'predicted-on', textContent: format.day(predicted.predictedPaymentDate) }),
        h('td', { className: 'amount', textContent: format.number(predicted.predictedDaysLate) }),
        h('td', { className: 'amount', textContent: riskPercent(context, predicted.probabilityOver90) })))) : null,
    note, ...actions);
  return invoice;
}

/** The invoice's disputes, oldest first, with a form to open one (none is open) or resolve the open one. */
async function disputes(context, id, shownAgain) {
  const { h, t, format } = context;
  const all = await context.json(`/api/v1/collections/disputes?${query({ invoiceId: id })}`);
  const open = all.find((dispute) => !dispute.resolvedAt);
  const note = h('div', { role: 'status' });
  const text = h('input', { name: open ? 'resolution' : 'reason', required: true, maxLength: 500 });
  const form = h('form', { className: 'grid-form' },
    context.field(t(open ? 'resolution' : 'reason'), text),
    h('button', { type: 'submit', textContent: t(open ? 'resolveDispute' : 'openDispute') }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const sent = await attempt(context, note, () => (open
      ? context.json(`/api/v1/collections/disputes/${encodeURIComponent(id)}/resolution`, { method: 'POST', body: { resolution: text.value.trim() } })
      : context.json('/api/v1/collections/disputes', { method: 'POST', body: { invoiceId: id, reason: text.value.trim() } })));
    if (sent) await shownAgain();
  });
  return h('section', { className: 'card disputes' }, h('h2', { textContent: t('disputes') }),
    all.length === 0 ? h('p', { textContent: t('noDisputes') }) : h('ul', {}, all.map((dispute) => h('li', {},
      h('strong', { textContent: dispute.resolvedAt
        ? t('disputeClosed', { opened: format.instant(dispute.openedAt), resolved: format.instant(dispute.resolvedAt) })
        : t('disputeOpen', { when: format.instant(dispute.openedAt) }) }),
      h('p', { textContent: dispute.reason }), dispute.resolution ? h('p', { textContent: dispute.resolution }) : null))),
    holds(context, 'CLERK', 'COLLECTOR', 'FINANCE_MANAGER') ? form : null, note);
}

export default render;
