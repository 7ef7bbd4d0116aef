// Provisions (IFRS 9 simplified approach): the provision matrix as of a day per currency — roll rates, historical
// and adjusted loss rates, open balance and expected credit loss per aging bucket — the provisions posted with their
// journal effect, and the forward-looking adjustments. Finance managers post a period's provision and set an
// adjustment here; auditors read.
import { attempt, fill, holds, query, withShared } from './common.js';

// The buckets of the matrix (the API's default aging limits 30, 60, 90), current first, as the factors are sent.
const BUCKETS = [{ fromDays: null, toDays: 0 }, { fromDays: 1, toDays: 30 }, { fromDays: 31, toDays: 60 },
  { fromDays: 61, toDays: 90 }, { fromDays: 91, toDays: null }];

export const messages = withShared({
  en: {
    title: 'Provisions',
    matrix: 'Provision matrix',
    asOf: 'As of',
    months: 'Window (month ends)',
    show: 'Show',
    window: 'Roll rates from {from} to {to}',
    matrixOf: 'Expected credit loss in {currency}',
    bucket: 'Bucket',
    bucketCurrent: 'Not yet due',
    bucketDays: '{from}–{to} days',
    bucketOver: 'Over {from} days',
    rollRate: 'Roll rate',
    historicalRate: 'Historical loss rate',
    factor: 'Adjustment',
    adjustedRate: 'Adjusted loss rate',
    balance: 'Open balance',
    expectedLoss: 'Expected credit loss',
    allowance: 'Allowance',
    nothingOpen: 'Nothing was open in this window.',
    adjustmentApplied: 'Forward-looking adjustment applied: {reason}',
    noAdjustment: 'No forward-looking adjustment applies: the loss rates are the historical ones.',
    effective: 'Effective',
    fromMonth: 'from {from}',
    fromToMonth: '{from} to {to}',
    posted: 'Provisions posted',
    nonePosted: 'No provision has been posted yet.',
    period: 'Period',
    currency: 'Currency',
    previous: 'Previous allowance',
    change: 'Change',
    journal: 'Journal entry',
    increase: 'Dr Impairment expense, Cr Loss allowance {amount}',
    release: 'Dr Loss allowance, Cr Impairment expense {amount}',
    noEntry: 'No entry (no change)',
    noneApplied: 'None',
    post: 'Post a period\'s provision',
    postButton: 'Post the provision',
    adjustments: 'Forward-looking adjustments',
    noneSet: 'No adjustment has been set.',
    setAdjustment: 'Set a forward-looking adjustment',
    setButton: 'Set the adjustment',
    effectiveFrom: 'Effective from (month)',
    effectiveTo: 'Effective to (month, optional)',
    factorOf: 'Factor for {bucket}',
    factors: 'Factors',
    reason: 'Reason (the forecast it rests on)',
    setAt: 'Set at',
    adjustmentHint: 'Each bucket\'s loss rate is multiplied by its factor (1 leaves it as history shows it; the result is at most 100 %).',
  },
  'zh-CN': {
    title: '减值准备',
    matrix: '准备矩阵',
    asOf: '截至',
    months: '窗口（月末数）',
    show: '显示',
    window: '迁徙率区间 {from} 至 {to}',
    matrixOf: '{currency} 预期信用损失',
    bucket: '账龄段',
    bucketCurrent: '未到期',
    bucketDays: '{from}–{to} 天',
    bucketOver: '超过 {from} 天',
    rollRate: '迁徙率',
    historicalRate: '历史损失率',
    factor: '调整系数',
    adjustedRate: '调整后损失率',
    balance: '未结余额',
    expectedLoss: '预期信用损失',
    allowance: '损失准备',
    nothingOpen: '该区间内没有未结款项。',
    adjustmentApplied: '已采用前瞻性调整：{reason}',
    noAdjustment: '没有适用的前瞻性调整：损失率为历史损失率。',
    effective: '生效期间',
    fromMonth: '自 {from} 起',
    fromToMonth: '{from} 至 {to}',
    posted: '已计提的减值准备',
    nonePosted: '尚未计提减值准备。',
    period: '期间',
    currency: '币种',
    previous: '上期准备',
    change: '变动',
    journal: '会计分录',
    increase: '借：信用减值损失，贷：坏账准备 {amount}',
    release: '借：坏账准备，贷：信用减值损失 {amount}',
    noEntry: '无分录（无变动）',
    noneApplied: '无',
    post: '计提期间减值准备',
    postButton: '计提',
    adjustments: '前瞻性调整',
    noneSet: '尚未设置调整。',
    setAdjustment: '设置前瞻性调整',
    setButton: '设置调整',
    effectiveFrom: '生效起始月',
    effectiveTo: '生效截止月（可选）',
    factorOf: '{bucket}的系数',
    factors: '系数',
    reason: '原因（所依据的预测）',
    setAt: '设置时间',
    adjustmentHint: '各账龄段的损失率乘以其系数（1 表示按历史数据不变；结果最高为 100%）。',
  },
});

/** The month before today's, which is the latest that may be provisioned. */
function lastMonth(today) {
  const [year, month] = today.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export async function render(container, context) {
  const { h, t, format } = context;
  const p = context.params;
  const asOfDay = p.asOf || format.today();
  const months = p.months || '12';
  const label = (bucket) => (bucket.fromDays === null || bucket.fromDays === undefined ? t('bucketCurrent')
    : bucket.toDays === null || bucket.toDays === undefined ? t('bucketOver', { from: bucket.fromDays - 1 })
      : t('bucketDays', { from: bucket.fromDays, to: bucket.toDays }));
  const percent = new Intl.NumberFormat(context.language, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 4 });
  const rate = (value) => (value === null || value === undefined ? '—' : percent.format(Number(value)));
  const factor = (value) => `×${format.number(Number(value))}`;
  const effective = (adjustment) => (adjustment.effectiveTo
    ? t('fromToMonth', { from: adjustment.effectiveFrom, to: adjustment.effectiveTo }) : t('fromMonth', { from: adjustment.effectiveFrom }));

  const asOf = h('input', { type: 'date', name: 'asOf', required: true, value: asOfDay });
  const windowMonths = h('input', { type: 'number', name: 'months', min: 1, max: 36, required: true, value: months });
  const filters = h('form', { className: 'filters' }, context.field(t('asOf'), asOf), context.field(t('months'), windowMonths),
    h('button', { type: 'submit', textContent: t('show') }));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    context.navigate('core.provisions', { asOf: asOf.value, months: windowMonths.value });
  });
  const matrix = h('div');
  const posted = h('div');
  const adjustments = h('div');
  const note = h('div', { role: 'status' });
  const forms = holds(context, 'FINANCE_MANAGER') ? [postForm(), adjustmentForm()] : [];
  fill(container, h('h1', { textContent: t('title') }), h('h2', { textContent: t('matrix') }), filters, matrix,
    h('h2', { textContent: t('posted') }), posted, h('h2', { textContent: t('adjustments') }), adjustments, note, ...forms);

  function postForm() {
    const period = h('input', { type: 'month', name: 'period', required: true, value: lastMonth(format.today()) });
    const postMonths = h('input', { type: 'number', name: 'months', min: 1, max: 36, required: true, value: months });
    const form = h('form', { className: 'grid-form card' }, h('h2', { textContent: t('post') }),
      context.field(t('period'), period), context.field(t('months'), postMonths),
      h('button', { type: 'submit', className: 'primary', textContent: t('postButton') }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (await attempt(context, note, () => context.json('/api/v1/provisions', { method: 'POST',
        body: { period: period.value, months: Number(postMonths.value) } }))) await load();
    });
    return form;
  }

  function adjustmentForm() {
    const from = h('input', { type: 'month', name: 'effectiveFrom', required: true, value: asOfDay.slice(0, 7) });
    const to = h('input', { type: 'month', name: 'effectiveTo' });
    const factors = BUCKETS.map((bucket, i) => h('input', { name: `factors[${i}]`, required: true, inputMode: 'decimal', value: '1' }));
    const reason = h('textarea', { name: 'reason', required: true, rows: 2, maxLength: 500 });
    const form = h('form', { className: 'grid-form card' }, h('h2', { textContent: t('setAdjustment') }),
      h('p', { className: 'muted lines', textContent: t('adjustmentHint') }),
      context.field(t('effectiveFrom'), from), context.field(t('effectiveTo'), to),
      factors.map((input, i) => context.field(t('factorOf', { bucket: label(BUCKETS[i]) }), input)),
      context.field(t('reason'), reason), h('button', { type: 'submit', className: 'primary', textContent: t('setButton') }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      // Factors go as the decimal text typed, never through a float.
      if (await attempt(context, note, () => context.json('/api/v1/provisions/adjustments', { method: 'POST',
        body: { effectiveFrom: from.value, effectiveTo: to.value || undefined, reason: reason.value.trim(),
          factors: factors.map((input) => input.value.trim()) } }))) await load();
    });
    return form;
  }

  function matrixTable(currency) {
    const rows = currency.buckets.map((row) => h('tr', {},
      h('th', { scope: 'row', textContent: label(row.bucket) }),
      h('td', { className: 'amount', textContent: rate(row.rollRate) }),
      h('td', { className: 'amount', textContent: rate(row.lossRate) }),
      h('td', { className: 'amount', textContent: factor(row.factor) }),
      h('td', { className: 'amount', textContent: rate(row.adjustedLossRate) }),
      h('td', { className: 'amount', textContent: format.money(row.balance) }),
      h('td', { className: 'amount', textContent: format.money(row.expectedLoss) })));
    const footer = h('tr', {}, h('th', { scope: 'row', colSpan: 6, textContent: t('allowance') }),
      h('td', { className: 'amount', textContent: format.money(currency.allowance) }));
    return [h('h3', { textContent: t('matrixOf', { currency: currency.currency }) }), context.table([t('bucket'), t('rollRate'),
      t('historicalRate'), t('factor'), t('adjustedRate'), t('balance'), t('expectedLoss')], rows, footer)];
  }

  function journalEffect(currency) {
    const change = String(currency.change.amount);
    if (context.decimal.isZero(change)) return t('noEntry');
    const amount = format.money({ amount: change.replace(/^-/, ''), currency: currency.change.currency });
    return t(change.startsWith('-') ? 'release' : 'increase', { amount });
  }

  async function load() {
    await Promise.all([
      attempt(context, matrix, async () => {
        const report = await context.json(`/api/v1/reports/provision-matrix?${query({ asOf: asOfDay, months })}`);
        fill(matrix, h('p', { className: 'muted', textContent: t('window', { from: format.day(report.windowFrom), to: format.day(report.windowTo) }) }),
          h('p', { className: 'adjustment', textContent: report.adjustment
            ? `${t('adjustmentApplied', { reason: report.adjustment.reason })} (${effective(report.adjustment)})` : t('noAdjustment') }),
          report.currencies.length === 0 ? h('p', { textContent: t('nothingOpen') }) : report.currencies.flatMap(matrixTable));
      }),
      attempt(context, posted, async () => {
        const provisions = await context.json('/api/v1/provisions');
        fill(posted, provisions.length === 0 ? h('p', { textContent: t('nonePosted') }) : context.table(
          [t('period'), t('asOf'), t('months'), t('factor'), t('currency'), t('allowance'), t('previous'), t('change'), t('journal')],
          provisions.flatMap((provision) => provision.currencies.map((currency) => h('tr', { className: 'provision' },
            h('td', { textContent: provision.period }),
            h('td', { textContent: format.day(provision.asOf) }),
            h('td', { textContent: format.number(provision.months) }),
            h('td', { textContent: provision.adjustment ? provision.adjustment.reason : t('noneApplied') }),
            h('td', { textContent: currency.allowance.currency }),
            h('td', { className: 'amount', textContent: format.money(currency.allowance) }),
            h('td', { className: 'amount', textContent: format.money(currency.previous) }),
            h('td', { className: 'amount', textContent: format.money(currency.change) }),
            h('td', { textContent: journalEffect(currency) }))))));
      }),
      attempt(context, adjustments, async () => {
        const set = await context.json('/api/v1/provisions/adjustments');
        fill(adjustments, set.length === 0 ? h('p', { textContent: t('noneSet') }) : context.table(
          [t('effective'), ...BUCKETS.map(label), t('reason'), t('setAt')],
          set.map((adjustment) => h('tr', {},
            h('td', { textContent: effective(adjustment) }),
            adjustment.factors.map((value) => h('td', { className: 'amount', textContent: factor(value) })),
            h('td', { textContent: adjustment.reason }),
            h('td', { textContent: format.instant(adjustment.createdAt) })))));
      }),
    ]);
  }

  await load();
}

export default render;
