// Kept only for district/signings (being changed by another engineer): the kit is components/ui/.
export { controlCls, labelCls } from "@/components/ui/field";
export { Badge, type BadgeTone } from "@/components/ui/badge";
export { BackLink, Pager } from "@/components/ui/pager";
export { CreatedNotice } from "@/components/ui/form-message";
export const thCls = "px-3 py-2 font-medium whitespace-nowrap";
export const tdCls = "px-3 py-2 align-top";
export { Checkbox as CheckboxField, TextArea as TextAreaField } from "@/components/ui/field";
