import "server-only";
/**
 * The bodies of the shared-list actions (sectors, districts, departments). The "use server"
 * files beside the pages call these after their own guard; each runs guard → parse → mutation
 * → revalidate → state like every other action.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, fieldErrorsOf, success, type ActionState } from "@/app/_lib/action-state";
import type { SessionUser } from "@/app/_lib/guards";
import { DISTRICT_KIND_LABELS } from "@/domain/labels";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { insertReference, moveReference, setReferenceActive, updateReference, type ReferenceFields, type ReferenceKind } from "@/db/mutations/setup/reference";
import { listDepartmentsForSetup, listDistrictsForSetup, listSectorsForSetup } from "@/db/queries/setup/reference";
import { DISTRICT_KINDS } from "@/domain/codes";
import { checkbox, codeSchema, directionSchema, nameSchema, optionalText } from "./forms";
import { actorOf, failureState, STALE_FORM, type ConflictSubject } from "./outcome";
import { formText, idSchema, versionSchema } from "@/app/_lib/form-parse";

const NOUN: Record<ReferenceKind, string> = { sector: "行业", district: "区县", department: "部门" };

const fieldsShape = (kind: ReferenceKind) => ({
  name: nameSchema(`${NOUN[kind]}名称`, 40),
  nameEn: optionalText("英文名称", 120),
  ...(kind === "district" ? { kind: z.enum(DISTRICT_KINDS, { error: "请选择类别" }), reports: checkbox } : {}),
});

function subject(kind: ReferenceKind, id: number): ConflictSubject {
  return {
    entity: kind,
    id,
    current: async () => {
      const list = kind === "sector" ? await listSectorsForSetup() : kind === "department" ? await listDepartmentsForSetup() : await listDistrictsForSetup();
      const r = list.find((x) => x.id === id);
      if (!r) return null;
      const extra = "kind" in r ? `，${DISTRICT_KIND_LABELS[r.kind as keyof typeof DISTRICT_KIND_LABELS]}` : "";
      return { text: `${r.name}${extra}${r.active ? "" : "（已停用）"}`, updatedAt: r.updatedAt };
    },
  };
}

function revalidate() {
  revalidatePath("/city/setup", "layout");
  revalidatePath("/city", "layout");
  revalidatePublic();
}

const read = (fd: FormData, keys: string[]) => Object.fromEntries(keys.map((k) => [k, formText(fd, k)]));
const FIELD_KEYS = (kind: ReferenceKind) => (kind === "district" ? ["name", "nameEn", "kind", "reports"] : ["name", "nameEn"]);

export async function createReference(user: SessionUser, kind: ReferenceKind, formData: FormData): Promise<ActionState> {
  const values = read(formData, ["code", ...FIELD_KEYS(kind)]);
  const parsed = z.object({ code: codeSchema, ...fieldsShape(kind) }).safeParse(values);
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), values);
  const result = await insertReference(await getDatabase(), kind, parsed.data as ReferenceFields & { code: string }, await actorOf(user));
  if (!result.ok) return failureState(result, values, undefined, `已有这个代码的${NOUN[kind]}，请换一个`);
  revalidate();
  return success(`已新增${NOUN[kind]}“${parsed.data.name}”`);
}

const target = z.object({ id: idSchema, version: versionSchema });

export async function editReference(user: SessionUser, kind: ReferenceKind, formData: FormData): Promise<ActionState> {
  const values = read(formData, FIELD_KEYS(kind));
  const t = target.safeParse(read(formData, ["id", "version"]));
  if (!t.success) return failure(STALE_FORM, {}, values);
  const parsed = z.object(fieldsShape(kind)).safeParse(values);
  if (!parsed.success) return failure("请检查标出的字段", fieldErrorsOf(parsed.error.issues), values);
  const result = await updateReference(await getDatabase(), kind, t.data.id, t.data.version, parsed.data as ReferenceFields, await actorOf(user));
  if (!result.ok) return failureState(result, values, subject(kind, t.data.id));
  revalidate();
  return success("已保存");
}

export async function toggleReference(user: SessionUser, kind: ReferenceKind, formData: FormData): Promise<ActionState> {
  const t = target.extend({ active: z.enum(["1", "0"]) }).safeParse(read(formData, ["id", "version", "active"]));
  if (!t.success) return failure(STALE_FORM);
  const result = await setReferenceActive(await getDatabase(), kind, t.data.id, t.data.version, t.data.active === "1", await actorOf(user));
  if (!result.ok) return failureState(result, {}, subject(kind, t.data.id));
  revalidate();
  return success(t.data.active === "1" ? "已恢复启用" : "已停用（历史数据保留）");
}

export async function reorderReference(user: SessionUser, kind: ReferenceKind, formData: FormData): Promise<ActionState> {
  const t = target.extend({ direction: directionSchema }).safeParse(read(formData, ["id", "version", "direction"]));
  if (!t.success) return failure(STALE_FORM);
  const result = await moveReference(await getDatabase(), kind, t.data.id, t.data.version, t.data.direction, await actorOf(user));
  if (!result.ok) return failureState(result, {}, subject(kind, t.data.id));
  revalidate();
  return success("已调整顺序");
}
