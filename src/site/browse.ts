/** The browse list: how many cards a page shows. */
export const PAGE_SIZE = 50;
