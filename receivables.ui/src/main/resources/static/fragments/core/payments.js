// Payments: the list filtered and paged by the host, with totals per currency over everything the filter matches;
// record one (allocated oldest due first, or to the invoice chosen), and a payment's detail where its
// allocations are taken back, its credit applied, refunded, or the whole payment reversed.
import { attempt, fill, badge, customerSelect, facts, pager, query, withShared } from './common.js';

const METHODS = ['BANK_TRANSFER', 'CARD', 'CASH', 'CHEQUE', 'DIRECT_DEBIT'];
const STATES = ['UNALLOCATED', 'PARTLY_ALLOCATED', 'ALLOCATED', 'REVERSED'];

export const messages = withShared({
  en: {
    title: 'Payments',
    record: 'Record a payment',
    customer: 'Customer',
    method: 'Method',
    'method.BANK_TRANSFER': 'Bank transfer',
    'method.CARD': 'Card',
    'method.CASH': 'Cash',
    'method.CHEQUE': 'Cheque',
    'method.DIRECT_DEBIT': 'Direct debit',
    amount: 'Amount',
    currency: 'Currency',
    valueDate: 'Value date',
    payerReference: 'Payer\'s reference',
    invoice: 'Allocate to invoice',
    oldestFirst: 'Oldest due first',
    save: 'Record payment',
    number: 'Number',
    unallocated: 'Left as credit',
    allocations: 'Allocations',
    allocatedAt: 'When',
    installment: 'Installment',
    reason: 'Reason',
    takeBack: 'Take back',
    applyCredit: 'Apply the credit left',
    apply: 'Apply',
    refund: 'Refund',
    refundAmount: 'Amount to refund',
    doRefund: 'Refund to the customer',
    reverse: 'Reverse the payment',
    doReverse: 'Reverse',
    refunds: 'Refunds',
    openPayment: 'Open a payment by its id',
    paymentId: 'Payment id',
    back: 'Back',
    any: 'Any',
    state: 'Allocation',
    'state.UNALLOCATED': 'Unallocated',
    'state.PARTLY_ALLOCATED': 'Partly allocated',
    'state.ALLOCATED': 'Allocated',
    'state.REVERSED': 'Reversed',
    valueFrom: 'Value date from',
    valueTo: 'Value date to',
    filter: 'Show',
    status: 'Status',
    countOf: '{count} payments',
    none: 'No payment matches.',
    filterTotals: 'Totals of all pages',
  },
  'zh-CN': {
    title: '付款',
    record: '记录付款',
    customer: '客户',
    method: '方式',
    'method.BANK_TRANSFER': '银行转账',
    'method.CARD': '银行卡',
    'method.CASH': '现金',
    'method.CHEQUE': '支票',
    'method.DIRECT_DEBIT': '直接借记',
    amount: '金额',
    currency: '币种',
    valueDate: '起息日',
    payerReference: '付款人参考号',
    invoice: '分配到发票',
    oldestFirst: '最早到期优先',
    save: '记录付款',
    number: '编号',
    unallocated: '剩余信用',
    allocations: '分配',
    allocatedAt: '时间',
    installment: '分期',
    reason: '原因',
    takeBack: '撤回',
    applyCredit: '使用剩余信用',
    apply: '使用',
    refund: '退款',
    refundAmount: '退款金额',
    doRefund: '退款给客户',
    reverse: '冲销付款',
    doReverse: '冲销',
    refunds: '退款记录',
    openPayment: '按编号打开付款',
    paymentId: '付款 ID',
    back: '返回',
    any: '全部',
    state: '分配情况',
    'state.UNALLOCATED': '未分配',
    'state.PARTLY_ALLOCATED': '部分分配',
    'state.ALLOCATED': '已分配',
    'state.REVERSED': '已冲销',
    valueFrom: '起息日从',
    valueTo: '起息日至',
    filter: '显示',
    status: '状态',
    countOf: '{count} 笔付款',
    none: '没有匹配的付款。',
    filterTotals: '所有页合计',
  },
});

export function render(container, context) {
  if (context.params.id) return detail(container, context, context.params.id);
  if (context.params.record) return record(container, context);
  return list(container, context);
}

async function list(container, context) {
  const { h, t, format } = context;
  const p = context.params;
  const customer = await customerSelect(context, p.customerId);
  customer.required = false;
  const method = h('select', { name: 'method' }, h('option', { value: '', textContent: t('any') }),
    METHODS.map((m) => h('option', { value: m, textContent: t(`method.${m}`), selected: p.method === m })));
  const currency = h('input', { name: 'currency', value: p.currency || '', maxLength: 3, size: 4 });
  const valueFrom = h('input', { type: 'date', name: 'valueFrom', value: p.valueFrom || '' });
  const valueTo = h('input', { type: 'date', name: 'valueTo', value: p.valueTo || '' });
  const state = h('select', { name: 'state' }, h('option', { value: '', textContent: t('any') }),
    STATES.map((s) => h('option', { value: s, textContent: t(`state.${s}`), selected: p.state === s })));
  const filters = h('form', { className: 'filters', role: 'search' },
    context.field(t('customer'), customer), context.field(t('method'), method), context.field(t('currency'), currency),
    context.field(t('valueFrom'), valueFrom), context.field(t('valueTo'), valueTo), context.field(t('state'), state),
    h('button', { type: 'submit', textContent: t('filter') }));
  const results = h('div');
  container.replaceChildren(h('h1', { textContent: t('title') }),
    h('p', { className: 'actions' }, h('a', { className: 'button', href: `#/core.payments?${query({ record: 1, customerId: p.customerId })}`, textContent: t('record') })),
    filters, results);

  const go = (page) => context.navigate('core.payments', { customerId: customer.value, method: method.value,
    currency: currency.value.trim().toUpperCase(), valueFrom: valueFrom.value, valueTo: valueTo.value, state: state.value, page });
  filters.addEventListener('submit', (event) => { event.preventDefault(); go(0); });

  await attempt(context, results, async () => {
    const found = await context.json(`/api/v1/payments?${query({ customerId: p.customerId, method: p.method, currency: p.currency,
      valueFrom: p.valueFrom, valueTo: p.valueTo, state: p.state, page: p.page || 0, size: 20 })}`);
    const footer = found.totals.map((total, i) => h('tr', {}, h('th', { scope: 'row', colSpan: 4,
      textContent: `${i === 0 ? `${t('filterTotals')} · ` : ''}${t('countOf', { count: format.number(total.count) })}` }),
      h('td', { className: 'amount', textContent: format.money(total.amount) }),
      h('td', { className: 'amount', textContent: format.money(total.unallocated) })));
    results.replaceChildren(found.items.length === 0 ? h('p', { textContent: t('none') }) : context.table(
      [t('number'), t('status'), t('valueDate'), t('method'), t('amount'), t('unallocated')],
      found.items.map((payment) => h('tr', {},
        h('td', {}, h('a', { href: `#/core.payments?id=${encodeURIComponent(payment.id)}`, textContent: payment.number })),
        h('td', {}, badge(context, payment.status)),
        h('td', { textContent: format.day(payment.valueDate) }),
        h('td', { textContent: METHODS.includes(payment.method) ? t(`method.${payment.method}`) : payment.method }),
        h('td', { className: 'amount', textContent: format.money(payment.amount) }),
        h('td', { className: 'amount', textContent: format.money(payment.unallocated) }))), footer),
    pager(context, found, go));
  });
}

async function record(container, context) {
  const { h, t, format } = context;
  const customer = await customerSelect(context, context.params.customerId);
  const invoice = h('select', { name: 'invoiceId' }, h('option', { value: '', textContent: t('oldestFirst') }));
  const currency = h('input', { name: 'currency', required: true, maxLength: 3, size: 4, value: 'EUR' });
  const amount = h('input', { name: 'amount', required: true, inputMode: 'decimal' });
  const loadInvoices = async () => {
    const chosen = customer.selectedOptions[0];
    if (chosen && chosen.dataset.currency) currency.value = chosen.dataset.currency;
    invoice.replaceChildren(h('option', { value: '', textContent: t('oldestFirst') }));
    if (!customer.value) return;
    const open = await context.json(`/api/v1/invoices?${query({ customerId: customer.value, size: 100, sort: 'dueDate' })}`);
    open.items.filter((i) => i.number && i.open && !context.decimal.isZero(i.open.amount)).forEach((i) => invoice.append(h('option', {
      value: i.id, textContent: `${i.number} · ${format.money(i.open)}`, selected: i.id === context.params.invoiceId })));
    const preselected = open.items.find((i) => i.id === context.params.invoiceId);
    if (preselected && !amount.value) amount.value = preselected.open.amount;
  };
  customer.addEventListener('change', () => loadInvoices().catch(() => null));
  const method = h('select', { name: 'method' }, METHODS.map((m) => h('option', { value: m, textContent: t(`method.${m}`) })));
  const valueDate = h('input', { type: 'date', name: 'valueDate', required: true, value: format.today() });
  const reference = h('input', { name: 'payerReference' });
  const note = h('div', { role: 'status' });
  const key = context.idempotencyKey();
  const form = h('form', { className: 'grid-form card' }, h('h2', { textContent: t('record') }),
    context.field(t('customer'), customer), context.field(t('invoice'), invoice), context.field(t('method'), method),
    context.field(t('amount'), amount), context.field(t('currency'), currency), context.field(t('valueDate'), valueDate),
    context.field(t('payerReference'), reference), h('button', { type: 'submit', className: 'primary', textContent: t('save') }), note);
  const paymentId = h('input', { name: 'paymentId', required: true });
  const open = h('form', { className: 'inline card' }, context.field(t('paymentId'), paymentId), h('button', { type: 'submit', textContent: t('open') }));
  open.addEventListener('submit', (event) => { event.preventDefault(); context.navigate('core.payments', { id: paymentId.value.trim() }); });
  container.replaceChildren(h('h1', { textContent: t('title') }), form, h('h2', { textContent: t('openPayment') }), open);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { customerId: customer.value, method: method.value, amount: amount.value.trim(), currency: currency.value.trim().toUpperCase(),
      valueDate: valueDate.value, payerReference: reference.value.trim() || undefined,
      allocateTo: invoice.value ? [{ invoiceId: invoice.value }] : undefined };
    let payment;
    if (await attempt(context, note, async () => {
      payment = await context.json('/api/v1/payments', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
    })) context.navigate('core.payments', { id: payment.id });
  });
  await attempt(context, note, loadInvoices);
}

async function detail(container, context, id) {
  const { h, t, format } = context;
  const base = `/api/v1/payments/${encodeURIComponent(id)}`;
  const [payment, refunds] = await Promise.all([context.json(base), context.json(`${base}/refunds`)]);
  const note = h('div', { role: 'status' });
  const act = (path, body, idempotent) => attempt(context, note, async () => {
    await context.json(`${base}/${path}`, { method: 'POST', body, headers: idempotent ? { 'Idempotency-Key': context.idempotencyKey() } : {} });
    await detail(container, context, id);
  });
  const received = payment.status === 'RECEIVED';
  const allocationRows = payment.allocations.map((allocation) => {
    const reason = h('input', { name: 'reason', required: true, 'aria-label': t('reason') });
    const takeBack = h('form', { className: 'inline' }, reason, h('button', { type: 'submit', textContent: t('takeBack') }));
    takeBack.addEventListener('submit', (event) => {
      event.preventDefault();
      act(`allocations/${encodeURIComponent(allocation.id)}/reversal`, { reason: reason.value.trim() });
    });
    const reversible = received && !allocation.reverses && context.decimal.compare(allocation.amount.amount, '0') > 0;
    return h('tr', {},
      h('td', {}, h('a', { href: `#/core.invoices?id=${encodeURIComponent(allocation.invoiceId)}`, textContent: t('open') })),
      h('td', { textContent: String(allocation.installment) }),
      h('td', { className: 'amount', textContent: format.money(allocation.amount) }),
      h('td', { textContent: format.instant(allocation.allocatedAt) }),
      h('td', { textContent: allocation.reason || '' }),
      h('td', {}, reversible ? takeBack : ''));
  });
  const forms = [];
  if (received && !context.decimal.isZero(payment.unallocated.amount)) {
    const apply = h('form', { className: 'inline card' }, h('button', { type: 'submit', textContent: t('apply') }));
    apply.prepend(h('h2', { textContent: t('applyCredit') }));
    apply.addEventListener('submit', (event) => { event.preventDefault(); act('credit-applications', {}); });
    forms.push(apply);
  }
  if (received) {
    const amount = h('input', { name: 'amount', required: true, inputMode: 'decimal' });
    const reason = h('input', { name: 'reason', required: true });
    const refund = h('form', { className: 'grid-form card' }, h('h2', { textContent: t('refund') }),
      context.field(t('refundAmount'), amount), context.field(t('reason'), reason), h('button', { type: 'submit', textContent: t('doRefund') }));
    refund.addEventListener('submit', (event) => {
      event.preventDefault();
      act('refunds', { amount: amount.value.trim(), currency: payment.amount.currency, reason: reason.value.trim() }, true);
    });
    const reverseReason = h('input', { name: 'reason', required: true });
    const reverse = h('form', { className: 'grid-form card' }, h('h2', { textContent: t('reverse') }),
      context.field(t('reason'), reverseReason), h('button', { type: 'submit', className: 'danger', textContent: t('doReverse') }));
    reverse.addEventListener('submit', (event) => { event.preventDefault(); act('reversal', { reason: reverseReason.value.trim() }); });
    forms.push(refund, reverse);
  }
  fill(container,
    h('p', {}, h('a', { href: '#/core.payments', textContent: t('back') })),
    h('h1', {}, `${payment.number} `, badge(context, payment.status)),
    facts(context, [[t('customer'), h('a', { href: `#/core.customers?id=${encodeURIComponent(payment.customerId)}`, textContent: t('open') })],
      [t('method'), METHODS.includes(payment.method) ? t(`method.${payment.method}`) : payment.method],
      [t('amount'), format.money(payment.amount)], [t('unallocated'), format.money(payment.unallocated)],
      [t('valueDate'), format.day(payment.valueDate)], [t('payerReference'), payment.payerReference]]),
    h('h2', { textContent: t('allocations') }),
    context.table([t('invoice'), t('installment'), t('amount'), t('allocatedAt'), t('reason'), ''], allocationRows),
    refunds.length ? h('h2', { textContent: t('refunds') }) : null,
    refunds.length ? context.table([t('amount'), t('reason')], refunds.map((r) => h('tr', {},
      h('td', { className: 'amount', textContent: format.money(r.amount) }), h('td', { textContent: r.reason || '' })))) : null,
    note, ...forms);
}

export default render;
