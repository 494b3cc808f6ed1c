/**
 * Settings keys of the promotions capability. Pure constants, so that the data layer can name
 * the rows it must erase (the bandit learned from whoever shopped) without importing client code.
 */

/** The bandit's learned state, one settings row for the device. */
export const BANDIT_KEY = 'promotions.bandit';
