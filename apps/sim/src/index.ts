export { DEMO_ACCOUNTS, DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, demoAccount } from './demo-accounts';
export type { DemoAccount } from './demo-accounts';
