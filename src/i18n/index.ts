/** Every UI string of the site, one dictionary per area, merged here. */
export { ui } from './ui';
export { termsUi } from './terms';
export { compareUi } from './compare';
