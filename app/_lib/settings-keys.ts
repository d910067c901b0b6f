/** Keys of the settings kept in app_meta. */
export const PUBLIC_ORDER_COUNTS_KEY = "public_order_counts";
