// Dashboard: what is open and overdue per currency, the aging and the cash forecast as charts (Apache ECharts, served
// by the UI bundle: nothing is loaded from elsewhere), the KPIs, the customers most overdue, the riskiest customers by
// the tenant's risk model (for those who may read it; a finance manager trains it here when there is none), and live
// alerts from the host's event stream. Each bar and each customer opens what it sums; each chart has its figures as a table beside
// it, which is what screen readers and keyboards use.
import { attempt, fill, holds, query, riskBadge, riskPercent, riskReason, withShared } from './common.js';

export const messages = withShared({
  en: {
    title: 'Dashboard',
    asOf: 'As of {day}',
    open: 'Open',
    overdue: 'Overdue',
    aging: 'Aging',
    agingOf: 'Aging in {currency}',
    bucketCurrent: 'Not yet due',
    bucketDays: '{from}–{to} days',
    bucketOver: 'Over {from} days',
    topOverdue: 'Most overdue customers',
    customer: 'Customer',
    nothingOpen: 'Nothing is open.',
    nothingOverdue: 'Nothing is overdue.',
    liveAlerts: 'Live alerts',
    noAlerts: 'Nothing has happened since you opened the dashboard.',
    openInvoices: 'Open the invoices in {currency}',
    'event.invoice': 'Invoice issued',
    'event.payment': 'Payment received',
    'event.creditnote': 'Credit note issued',
    'event.writeoff': 'Written off',
    'event.approval.REQUESTED': 'Waits for approval',
    'event.approval.APPROVED': 'Approved',
    'event.approval.REJECTED': 'Rejected',
    'event.installment.OVERDUE': 'Overdue',
    'event.promise.BROKEN': 'Promise to pay broken',
    'event.credit.LIMIT_EXCEEDED': 'Over the credit limit',
    'event.payment.LARGE': 'Large payment',
    'event.other': 'Update',
    kpis: 'Collection KPIs',
    dso: 'DSO',
    dsoHint: 'Days sales outstanding (count-back)',
    bestPossibleDso: 'Best possible DSO',
    averageDaysDelinquent: 'Average days delinquent',
    cei: 'Collection effectiveness',
    days: '{days} days',
    percent: '{value} %',
    notApplicable: 'n/a',
    inCurrency: 'in {currency}',
    forecast: 'Cash forecast',
    forecastOf: 'Expected receipts in {currency}, week by week',
    weekOf: 'Week of {day}',
    later: 'Later',
    nothingExpected: 'No receipt is expected.',
    riskiest: 'Riskiest customers',
    riskScore: 'Score',
    riskProbability: 'Over 90 days late or never',
    expectedDaysLate: 'Expected days late',
    riskReasons: 'Main reasons',
    riskModel: 'Scored on {scored} by model {version}, which learned from the ledger up to {trained}.',
    noRiskModel: 'No customer has a risk score yet: the risk model has not been trained on this ledger.',
    noRiskModelAsk: 'A finance manager can train it here once enough invoices have been paid.',
    trainRiskModel: 'Train the risk model',
    training: 'Training…',
  },
  'zh-CN': {
    title: '仪表板',
    asOf: '截至 {day}',
    open: '未结',
    overdue: '逾期',
    aging: '账龄',
    agingOf: '{currency} 账龄',
    bucketCurrent: '未到期',
    bucketDays: '{from}–{to} 天',
    bucketOver: '超过 {from} 天',
    topOverdue: '逾期最多的客户',
    customer: '客户',
    nothingOpen: '没有未结款项。',
    nothingOverdue: '没有逾期款项。',
    liveAlerts: '实时提醒',
    noAlerts: '自打开仪表板以来没有新动态。',
    openInvoices: '打开 {currency} 发票',
    'event.invoice': '发票已开具',
    'event.payment': '已收到付款',
    'event.creditnote': '已开具贷项通知单',
    'event.writeoff': '已核销',
    'event.approval.REQUESTED': '等待审批',
    'event.approval.APPROVED': '已批准',
    'event.approval.REJECTED': '已驳回',
    'event.installment.OVERDUE': '已逾期',
    'event.promise.BROKEN': '付款承诺已违约',
    'event.credit.LIMIT_EXCEEDED': '超出信用额度',
    'event.payment.LARGE': '大额付款',
    'event.other': '更新',
    kpis: '回款指标',
    dso: '应收账款周转天数',
    dsoHint: '应收账款周转天数（倒推法）',
    bestPossibleDso: '最佳周转天数',
    averageDaysDelinquent: '平均逾期天数',
    cei: '回款有效性指数',
    days: '{days} 天',
    percent: '{value}%',
    notApplicable: '不适用',
    inCurrency: '以 {currency} 计',
    forecast: '现金流预测',
    forecastOf: '{currency} 预计收款（按周）',
    weekOf: '{day} 当周',
    later: '之后',
    nothingExpected: '暂无预计收款。',
    riskiest: '风险最高的客户',
    riskScore: '评分',
    riskProbability: '逾期超过 90 天或不付款的概率',
    expectedDaysLate: '预计逾期天数',
    riskReasons: '主要原因',
    riskModel: '于 {scored} 由第 {version} 版模型评分，该模型学习了截至 {trained} 的账目。',
    noRiskModel: '尚无客户风险评分：风险模型尚未基于本账目训练。',
    noRiskModelAsk: '有足够的已付发票后，财务经理可在此训练模型。',
    trainRiskModel: '训练风险模型',
    training: '正在训练…',
  },
});

const KINDS = ['invoice', 'payment', 'creditnote', 'writeoff', 'approval.REQUESTED', 'approval.APPROVED', 'approval.REJECTED',
  'installment.OVERDUE', 'promise.BROKEN', 'credit.LIMIT_EXCEEDED', 'payment.LARGE'];
/** Topics whose subject alone does not say what happened. */
const BY_WHAT = ['approval', 'installment', 'promise', 'credit'];

/** The message key's kind of an event: its topic's subject, and for approvals and alerts also what happened. */
function kindOf(topic) {
  const [, subject, what] = topic.split('/');
  return BY_WHAT.includes(subject) || (subject === 'payment' && what === 'LARGE') ? `${subject}.${what}` : subject;
}

/** The colors of a bar not yet due, of an overdue one, and of what is expected after the forecast's weeks. */
const CURRENT = '#3f7cbf';
const OVERDUE = '#c0661b';
const LATER = '#7a8594';

/**
 * A bar chart of the labelled amounts in a figure with its table: ECharts draws into a box of the figure, which
 * names the chart for screen readers; the table beside it says the figures (and links where a bar opens something),
 * the bars of nothing left out when zeroRows is false.
 */
function barChart(context, { name, labels, amounts, currency, colors, hrefs, zeroRows = true }) {
  const { h, format } = context;
  const box = h('div', { className: 'chart-box', role: 'img', 'aria-label': name });
  const rows = labels.map((label, i) => i).filter((i) => zeroRows || !context.decimal.isZero(amounts[i]));
  const figure = h('figure', { className: 'chart card' }, box,
    h('figcaption', {}, h('table', { className: 'facts' }, rows.map((i) => h('tr', {},
      h('th', { scope: 'row' }, hrefs ? h('a', { href: hrefs[i], textContent: labels[i] }) : labels[i]),
      h('td', { className: 'amount', textContent: format.money({ amount: amounts[i], currency }) }))))));
  return { figure, draw: (echarts) => draw(context, echarts, box, { name, labels, amounts, currency, colors, hrefs }) };
}

function draw(context, echarts, box, { name, labels, amounts, currency, colors, hrefs }) {
  const { format } = context;
  const chart = echarts.init(box, null, { renderer: 'svg', locale: context.language.startsWith('zh') ? 'ZH' : 'EN' });
  const compact = new Intl.NumberFormat(context.language, { notation: 'compact', maximumFractionDigits: 1 });
  chart.setOption({
    animation: false,
    aria: { enabled: true, label: { description: name } },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
      valueFormatter: (value) => format.money({ amount: String(value), currency }) },
    xAxis: { type: 'category', data: labels, axisTick: { alignWithLabel: true }, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (value) => compact.format(value) } },
    series: [{ type: 'bar', name, data: amounts.map((amount, i) => ({ value: Number(amount), itemStyle: { color: colors(i) } })) }],
  });
  if (hrefs) chart.on('click', (event) => { window.location.hash = hrefs[event.dataIndex].slice(1); });
  const resized = new ResizeObserver(() => chart.resize());
  resized.observe(box);
  return { dispose: () => { resized.disconnect(); chart.dispose(); } };
}

export async function render(container, context) {
  const { h, t, format, decimal } = context;
  const today = format.today();
  const summary = h('div', { className: 'tiles' });
  const charts = h('div', { className: 'charts' });
  const top = h('div');
  const kpis = h('div', { className: 'tiles kpis' });
  const forecast = h('div', { className: 'charts' });
  const alerts = h('ul', { className: 'live-list' }, h('li', { className: 'muted', textContent: t('noAlerts') }));
  // The risk endpoints answer finance managers and auditors; the others do not see the section at all.
  const readsRisk = holds(context, 'FINANCE_MANAGER', 'AUDITOR');
  const risk = h('section', { className: 'riskiest', 'aria-labelledby': 'riskiest-heading' });
  fill(container, h('h1', { textContent: t('title') }), h('p', { className: 'muted', textContent: t('asOf', { day: format.day(today) }) }),
    summary, h('h2', { textContent: t('kpis') }), kpis, h('h2', { textContent: t('aging') }), charts,
    h('h2', { textContent: t('forecast') }), forecast, h('h2', { textContent: t('topOverdue') }), top,
    readsRisk ? h('h2', { id: 'riskiest-heading', textContent: t('riskiest') }) : null, readsRisk ? risk : null,
    h('h2', { textContent: t('liveAlerts') }), alerts);

  const label = (bucket) => (bucket.fromDays === null || bucket.fromDays === undefined ? t('bucketCurrent')
    : bucket.toDays === null || bucket.toDays === undefined ? t('bucketOver', { from: bucket.fromDays - 1 })
      : t('bucketDays', { from: bucket.fromDays, to: bucket.toDays }));
  const overdueOf = (row) => decimal.sum(row.buckets.slice(1).map((money) => money.amount));

  function chart(report, totals) {
    return barChart(context, {
      name: t('agingOf', { currency: totals.currency }),
      labels: report.buckets.map(label),
      amounts: totals.buckets.map((money) => money.amount),
      currency: totals.currency,
      colors: (i) => (i === 0 ? CURRENT : OVERDUE),
      hrefs: report.buckets.map((bucket, i) => `#/core.invoices?${query({ currency: totals.currency, overdueOn: i === 0 ? '' : today })}`),
    });
  }

  /**
   * The charts into their place, drawn once the library is there (a figure's table shows until then); those drawn
   * there before are let go, and all of them when the screen is left.
   */
  const drawn = new Map();
  async function show(place, figures) {
    (drawn.get(place) || []).forEach((chart) => chart.dispose());
    place.replaceChildren(...figures.map((one) => one.figure));
    const echarts = await context.charts();
    drawn.set(place, figures.map((one) => one.draw(echarts)));
  }
  if (context.signal) context.signal.addEventListener('abort', () => drawn.forEach((charts) => charts.forEach((chart) => chart.dispose())));

  async function load() {
    const report = await context.json(`/api/v1/reports/aging?asOf=${today}`);
    if (report.totals.length === 0) {
      summary.replaceChildren(h('p', { textContent: t('nothingOpen') }));
      charts.replaceChildren();
      top.replaceChildren();
      return;
    }
    summary.replaceChildren(...report.totals.map((totals) => {
      const overdue = { amount: overdueOf(totals), currency: totals.currency };
      return h('a', { className: 'tile card', href: `#/core.invoices?${query({ currency: totals.currency })}`,
        'aria-label': t('openInvoices', { currency: totals.currency }) },
        h('span', { className: 'tile-label', textContent: `${t('open')} · ${totals.currency}` }),
        h('strong', { className: 'tile-amount', textContent: format.money(totals.total) }),
        h('span', { className: decimal.isZero(overdue.amount) ? 'muted' : 'overdue-amount', textContent: `${t('overdue')}: ${format.money(overdue)}` }));
    }));
    await show(charts, report.totals.map((totals) => chart(report, totals)));
    const overdueRows = report.rows.map((row) => ({ row, overdue: overdueOf(row) }))
      .filter(({ overdue }) => !decimal.isZero(overdue))
      .sort((a, b) => a.row.currency.localeCompare(b.row.currency) || decimal.compare(b.overdue, a.overdue));
    const perCurrency = new Map();
    overdueRows.forEach((entry) => perCurrency.set(entry.row.currency, [...(perCurrency.get(entry.row.currency) || []), entry]));
    const shown = [...perCurrency.values()].flatMap((entries) => entries.slice(0, 5));
    top.replaceChildren(shown.length === 0 ? h('p', { textContent: t('nothingOverdue') }) : context.table(
      [t('customer'), t('overdue'), t('open')],
      shown.map(({ row, overdue }) => h('tr', {},
        h('td', {}, h('a', { href: `#/core.customers?id=${encodeURIComponent(row.customerId)}`, textContent: row.customerName })),
        h('td', { className: 'amount overdue-amount', textContent: format.money({ amount: overdue, currency: row.currency }) }),
        h('td', { className: 'amount', textContent: format.money(row.total) })))));
  }

  const tile = (label, value, hint) => h('div', { className: 'tile card', title: hint || '' },
    h('span', { className: 'tile-label', textContent: label }), h('strong', { className: 'tile-figure', textContent: value }));
  const days = (value) => (value === null || value === undefined ? t('notApplicable') : t('days', { days: format.number(Number(value)) }));

  async function loadKpis() {
    const report = await context.json(`/api/v1/reports/kpis?asOf=${today}&months=1`);
    const latest = report.latest;
    kpis.replaceChildren(
      tile(t('dso'), days(latest.dso), `${t('dsoHint')} · ${t('inCurrency', { currency: report.currency })}`),
      tile(t('bestPossibleDso'), days(latest.bestPossibleDso)),
      tile(t('averageDaysDelinquent'), days(latest.averageDaysDelinquent)),
      tile(t('cei'), latest.cei === null || latest.cei === undefined ? t('notApplicable')
        : t('percent', { value: format.number(Number(latest.cei)) })));
  }

  /** The 13 weeks of expected receipts per currency as bars, and what is expected later. */
  async function loadForecast() {
    const report = await context.json(`/api/v1/reports/cash-forecast?asOf=${today}`);
    const currencies = [...new Set(report.weeks.map((week) => week.amount.currency))].sort();
    if (currencies.length === 0) {
      forecast.replaceChildren(h('p', { textContent: t('nothingExpected') }));
      return;
    }
    await show(forecast, currencies.map((currency) => {
      const weeks = report.weeks.filter((week) => week.amount.currency === currency);
      const later = report.later.find((rest) => rest.amount.currency === currency);
      const shown = later && !decimal.isZero(later.amount.amount) ? [...weeks, later] : weeks;
      const one = barChart(context, {
        name: t('forecastOf', { currency }),
        labels: shown.map((week, i) => (i < weeks.length ? t('weekOf', { day: format.day(week.date) }) : t('later'))),
        amounts: shown.map((week) => week.amount.amount),
        currency,
        colors: (i) => (i < weeks.length ? CURRENT : LATER),
        zeroRows: false,
      });
      one.figure.classList.add('forecast');
      return one;
    }));
  }

  /**
   * The ten riskiest customers with their scores and main reasons; without a model, why the list is empty and (for a
   * finance manager) the button that trains one.
   */
  async function loadRisk() {
    const page = await context.json('/api/v1/risk/customers?size=10');
    if (page.items.length === 0) {
      const note = h('div', { role: 'status' });
      const trains = holds(context, 'FINANCE_MANAGER');
      const train = h('button', { type: 'button', className: 'primary', textContent: t('trainRiskModel') });
      train.addEventListener('click', async () => {
        train.disabled = true;
        train.textContent = t('training');
        if (await attempt(context, note, () => context.json('/api/v1/risk/train', { method: 'POST' }))) {
          await attempt(context, risk, loadRisk);
        } else {
          train.disabled = false;
          train.textContent = t('trainRiskModel');
        }
      });
      risk.replaceChildren(h('p', { className: 'empty', textContent: t('noRiskModel') }),
        ...(trains ? [h('p', { className: 'muted', textContent: t('noRiskModelAsk') }), h('p', { className: 'actions' }, train), note] : []));
      return;
    }
    const first = page.items[0].risk;
    risk.replaceChildren(
      h('p', { className: 'muted', textContent: t('riskModel', { scored: format.day(first.scoredOn), version: first.modelVersion,
        trained: format.day(first.trainedAsOf) }) }),
      context.table([t('customer'), t('riskScore'), t('riskProbability'), t('expectedDaysLate'), t('riskReasons'), t('open')],
        page.items.map((ranked) => h('tr', {},
          h('td', {}, h('a', { href: `#/core.customers?id=${encodeURIComponent(ranked.risk.customerId)}`, textContent: ranked.customerName })),
          h('td', {}, riskBadge(context, ranked.risk.score)),
          h('td', { className: 'amount', textContent: riskPercent(context, ranked.risk.probabilityOver90) }),
          h('td', { className: 'amount', textContent: format.number(ranked.risk.expectedDaysLate) }),
          h('td', {}, h('ul', { className: 'reasons' }, ranked.risk.reasons.map((reason) => h('li', { textContent: riskReason(context, reason) })))),
          h('td', { className: 'amount' }, ranked.open.map((money) => h('div', { textContent: format.money(money) })))))));
  }

  let reload = null;
  context.on('receivables/', (event) => {
    if (alerts.firstChild && alerts.firstChild.classList.contains('muted')) alerts.replaceChildren();
    const amount = event.amount && event.currency ? format.money({ amount: event.amount, currency: event.currency }) : '';
    alerts.prepend(h('li', {}, h('time', { textContent: format.instant(event.at) }), ' ',
      h('span', { textContent: [event.invoiceNumber || event.creditNoteNumber || '', amount].filter(Boolean).join(' · ') }), ' ',
      h('span', { className: 'muted', textContent: t(KINDS.includes(kindOf(event.topic)) ? `event.${kindOf(event.topic)}` : 'event.other') })));
    while (alerts.children.length > 20) alerts.lastChild.remove();
    clearTimeout(reload);
    reload = setTimeout(() => Promise.all([load(), loadKpis(), loadForecast()]).catch(() => null), 500);
  });
  await Promise.all([load(), attempt(context, kpis, loadKpis), attempt(context, forecast, loadForecast),
    readsRisk ? attempt(context, risk, loadRisk) : null]);
}

export default render;
