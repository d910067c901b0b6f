// Kept only for district/signings until it imports ../_lib/form-parse itself.
export * from "../_lib/form-parse";
