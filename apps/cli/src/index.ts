export { seedDemo, DEMO_USERS, DEMO_PASSWORD, DEMO_WORKSPACE_SLUG } from './seed';
export { prepareDatabase } from './prepare-database';
