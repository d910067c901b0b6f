"use server";

import { invalidRequest, isForm } from "@/app/_lib/action-state";
import type { ActionState } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { createReference, editReference, reorderReference, toggleReference } from "../_lib/reference";

export async function createSectorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  return createReference(admin, "sector", formData);
}

export async function updateSectorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  return editReference(admin, "sector", formData);
}

export async function setSectorActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  return toggleReference(admin, "sector", formData);
}

export async function moveSectorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  return reorderReference(admin, "sector", formData);
}
