// Settings for tenant admins (auditors read them): the tenant, its features and the payment providers it may use
// (both set in the host's configuration, so shown here, not changed), its users — created with a one-time password,
// switched off and on, their password reset — and the machine credentials of its integrations, issued and revoked.
import { attempt, withShared } from './common.js';

const ROLES = ['TENANT_ADMIN', 'CLERK', 'COLLECTOR', 'FINANCE_MANAGER', 'AUDITOR'];

export const messages = withShared({
  en: {
    title: 'Settings',
    tenant: 'Tenant',
    id: 'Id',
    name: 'Name',
    timeZone: 'Time zone',
    functionalCurrency: 'Functional currency',
    features: 'Features',
    noFeatures: 'No feature is switched on.',
    configured: 'Features and provider accounts are set in the host\'s configuration (its etc/ folder or the web console).',
    providers: 'Payment providers',
    noProviders: 'No payment provider is enabled for this tenant.',
    provider: 'Provider',
    methods: 'Methods',
    currencies: 'Currencies',
    capabilities: 'Capabilities',
    any: 'any',
    users: 'Users',
    username: 'User name',
    displayName: 'Name',
    email: 'E-mail',
    roles: 'Roles',
    state: 'State',
    enabled: 'Enabled',
    disabled: 'Disabled',
    secondFactor: 'Second factor',
    yes: 'Yes',
    no: 'No',
    newUser: 'New user',
    createUser: 'Create user',
    oneTimePassword: 'One-time password for {name} (hand it over; the first sign-in asks for a password of their own):',
    resetPassword: 'Reset password',
    disable: 'Disable',
    enable: 'Enable',
    credentials: 'Machine credentials',
    noCredentials: 'No credential issued.',
    credentialName: 'Name',
    expiresOn: 'Expires on',
    lastUsed: 'Last used',
    never: 'never',
    revoked: 'Revoked',
    active: 'Active',
    issue: 'Issue credential',
    revoke: 'Revoke',
    secret: 'The secret of {name}, shown this once:',
    'role.TENANT_ADMIN': 'Tenant admin',
    'role.CLERK': 'AR clerk',
    'role.COLLECTOR': 'Collector',
    'role.FINANCE_MANAGER': 'Finance manager',
    'role.AUDITOR': 'Auditor',
  },
  'zh-CN': {
    title: '设置',
    tenant: '租户',
    id: '标识',
    name: '名称',
    timeZone: '时区',
    functionalCurrency: '记账本位币',
    features: '功能',
    noFeatures: '尚未启用任何功能。',
    configured: '功能和支付服务商账户在主机配置中设置（etc/ 目录或 Web 控制台）。',
    providers: '支付服务商',
    noProviders: '此租户尚未启用任何支付服务商。',
    provider: '服务商',
    methods: '支付方式',
    currencies: '币种',
    capabilities: '能力',
    any: '不限',
    users: '用户',
    username: '用户名',
    displayName: '姓名',
    email: '电子邮件',
    roles: '角色',
    state: '状态',
    enabled: '已启用',
    disabled: '已停用',
    secondFactor: '双重验证',
    yes: '是',
    no: '否',
    newUser: '新用户',
    createUser: '创建用户',
    oneTimePassword: '{name} 的一次性密码（请转交本人；首次登录时须设置自己的密码）：',
    resetPassword: '重置密码',
    disable: '停用',
    enable: '启用',
    credentials: '机器凭据',
    noCredentials: '尚未签发凭据。',
    credentialName: '名称',
    expiresOn: '到期日',
    lastUsed: '最近使用',
    never: '从未',
    revoked: '已吊销',
    active: '有效',
    issue: '签发凭据',
    revoke: '吊销',
    secret: '{name} 的密钥（仅显示这一次）：',
    'role.TENANT_ADMIN': '租户管理员',
    'role.CLERK': '应收会计',
    'role.COLLECTOR': '催收员',
    'role.FINANCE_MANAGER': '财务经理',
    'role.AUDITOR': '审计员',
  },
});

export async function render(container, context) {
  const { h, t } = context;
  const admin = (context.session.roles || []).includes('TENANT_ADMIN');
  const tenant = h('section', { className: 'card' }, h('h2', { textContent: t('tenant') }));
  const providers = h('section', { className: 'card' }, h('h2', { textContent: t('providers') }));
  const users = h('section', { className: 'card' }, h('h2', { textContent: t('users') }));
  const credentials = h('section', { className: 'card' }, h('h2', { textContent: t('credentials') }));
  container.replaceChildren(h('h1', { textContent: t('title') }), tenant, providers, users, credentials);
  await Promise.all([tenantPart(context, tenant), providerPart(context, providers), userPart(context, users, admin),
    credentialPart(context, credentials, admin)]);
}

const roleNames = (context, roles) => [...roles].sort().map((role) => context.t(`role.${role}`)).join(', ');

/** Checkboxes for the roles, in a fieldset named by legend. */
function roleChoice(context, legend) {
  const { h, t } = context;
  const boxes = ROLES.map((role) => h('input', { type: 'checkbox', name: 'roles', value: role }));
  const fieldset = h('fieldset', { className: 'roles' }, h('legend', { textContent: legend }),
    ROLES.map((role, i) => h('label', {}, boxes[i], ` ${t(`role.${role}`)}`)));
  return { fieldset, chosen: () => boxes.filter((box) => box.checked).map((box) => box.value) };
}

async function tenantPart(context, section) {
  const { h, t } = context;
  const body = h('div');
  section.append(body);
  await attempt(context, body, async () => {
    const profile = await context.json('/api/v1/tenant');
    const features = context.session.features || [];
    body.replaceChildren(h('dl', { className: 'facts' },
      h('dt', { textContent: t('id') }), h('dd', {}, h('code', { textContent: profile.id })),
      h('dt', { textContent: t('name') }), h('dd', { textContent: profile.name || '' }),
      h('dt', { textContent: t('timeZone') }), h('dd', { textContent: profile.timeZone }),
      h('dt', { textContent: t('functionalCurrency') }), h('dd', { textContent: profile.functionalCurrency || '' }),
      h('dt', { textContent: t('features') }), h('dd', {}, features.length === 0 ? t('noFeatures')
        : h('ul', { className: 'features' }, features.map((feature) => h('li', {}, h('code', { textContent: feature })))))),
    h('p', { className: 'muted', textContent: t('configured') }));
  });
}

async function providerPart(context, section) {
  const { h, t } = context;
  const body = h('div');
  section.append(body);
  const list = (values) => (values && values.length ? [...values].sort().join(', ') : t('any'));
  await attempt(context, body, async () => {
    const offers = await context.json('/api/v1/payment-providers');
    body.replaceChildren(offers.length === 0 ? h('p', { textContent: t('noProviders') }) : context.table(
      [t('provider'), t('methods'), t('currencies'), t('capabilities')],
      offers.map((offer) => h('tr', { 'data-provider': offer.id },
        h('td', {}, h('strong', { textContent: offer.name }), ' ', h('code', { textContent: offer.id })),
        h('td', { textContent: list(offer.methods) }), h('td', { textContent: list(offer.currencies) }),
        h('td', { textContent: list(offer.capabilities) })))));
  });
}

async function userPart(context, section, admin) {
  const { h, t } = context;
  const list = h('div');
  const note = h('div', { role: 'status' });
  const shownPassword = (issued) => note.replaceChildren(h('p', { className: 'ok' },
    t('oneTimePassword', { name: issued.user.username }), ' ', h('code', { className: 'secret', textContent: issued.oneTimePassword })));

  async function load() {
    const page = await context.json('/api/v1/users?size=200');
    list.replaceChildren(context.table([t('username'), t('displayName'), t('roles'), t('state'), t('secondFactor'), ''],
      page.items.map((user) => h('tr', { 'data-user': user.username },
        h('td', { textContent: user.username }), h('td', { textContent: user.displayName || '' }),
        h('td', { textContent: roleNames(context, user.roles) }),
        h('td', { textContent: user.enabled ? t('enabled') : t('disabled') }),
        h('td', { textContent: user.totpEnabled ? t('yes') : t('no') }),
        h('td', {}, admin ? [
          h('button', { type: 'button', textContent: t('resetPassword'), onclick: () => attempt(context, note, async () => {
            shownPassword(await context.json(`/api/v1/users/${encodeURIComponent(user.id)}/password-reset`, { method: 'POST', body: {} }));
          }) }), ' ',
          h('button', { type: 'button', textContent: user.enabled ? t('disable') : t('enable'), onclick: () => attempt(context, note, async () => {
            await context.json(`/api/v1/users/${encodeURIComponent(user.id)}`, { method: 'PUT', headers: { 'If-Match': `"${user.version}"` },
              body: { displayName: user.displayName, email: user.email, roles: user.roles, enabled: !user.enabled } });
            await load();
          }) })] : null)))));
  }

  section.append(list, note);
  if (admin) {
    const username = h('input', { name: 'username', required: true, maxLength: 100, autocomplete: 'off' });
    const displayName = h('input', { name: 'displayName', required: true, maxLength: 200 });
    const email = h('input', { name: 'email', type: 'email' });
    const roles = roleChoice(context, t('roles'));
    const form = h('form', { className: 'grid-form', 'aria-label': t('newUser') },
      context.field(t('username'), username), context.field(t('displayName'), displayName), context.field(t('email'), email),
      roles.fieldset, h('button', { type: 'submit', className: 'primary', textContent: t('createUser') }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      let issued;
      if (await attempt(context, note, async () => {
        issued = await context.json('/api/v1/users', { method: 'POST', body: { username: username.value.trim(),
          displayName: displayName.value.trim(), email: email.value.trim() || undefined, roles: roles.chosen(), enabled: true } });
      })) {
        form.reset();
        shownPassword(issued);
        await attempt(context, list, load);
      }
    });
    section.append(h('h3', { textContent: t('newUser') }), form);
  }
  await attempt(context, list, load);
}

async function credentialPart(context, section, admin) {
  const { h, t, format } = context;
  const list = h('div');
  const note = h('div', { role: 'status' });

  async function load() {
    const issued = await context.json('/api/v1/credentials');
    list.replaceChildren(issued.length === 0 ? h('p', { textContent: t('noCredentials') }) : context.table(
      [t('credentialName'), t('roles'), t('expiresOn'), t('lastUsed'), t('state'), ''],
      issued.map((credential) => h('tr', { 'data-credential': credential.name },
        h('td', { textContent: credential.name }), h('td', { textContent: roleNames(context, credential.roles) }),
        h('td', { textContent: credential.expiresAt ? format.instant(credential.expiresAt) : '' }),
        h('td', { textContent: credential.lastUsedAt ? format.instant(credential.lastUsedAt) : t('never') }),
        h('td', { textContent: credential.revokedAt ? t('revoked') : t('active') }),
        h('td', {}, admin && !credential.revokedAt ? h('button', { type: 'button', className: 'danger', textContent: t('revoke'),
          onclick: () => attempt(context, note, async () => {
            await context.json(`/api/v1/credentials/${encodeURIComponent(credential.id)}`, { method: 'DELETE' });
            await load();
          }) }) : null)))));
  }

  section.append(list, note);
  if (admin) {
    const name = h('input', { name: 'name', required: true, maxLength: 100 });
    const expires = h('input', { name: 'expiresOn', type: 'date' });
    const roles = roleChoice(context, t('roles'));
    const form = h('form', { className: 'grid-form', 'aria-label': t('issue') },
      context.field(t('credentialName'), name), context.field(t('expiresOn'), expires), roles.fieldset,
      h('button', { type: 'submit', className: 'primary', textContent: t('issue') }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      let issued;
      if (await attempt(context, note, async () => {
        issued = await context.json('/api/v1/credentials', { method: 'POST', body: { name: name.value.trim(), roles: roles.chosen(),
          expiresAt: expires.value ? `${expires.value}T00:00:00Z` : undefined } });
      })) {
        form.reset();
        note.replaceChildren(h('p', { className: 'ok' }, t('secret', { name: issued.credential.name }), ' ',
          h('code', { className: 'secret', textContent: issued.secret })));
        await attempt(context, list, load);
      }
    });
    section.append(h('h3', { textContent: t('issue') }), form);
  }
  await attempt(context, list, load);
}

export default render;
