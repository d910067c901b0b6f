// Kept only for district/signings (being changed by another engineer): import from ../_lib/touches.
export * from "../_lib/touches";
