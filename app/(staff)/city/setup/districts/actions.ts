"use server";

import { invalidRequest, isForm } from "@/app/_lib/action-state";
import type { ActionState } from "@/app/_lib/action-state";
import { requirePermission } from "@/app/_lib/guards";
import { createReference, editReference, reorderReference, toggleReference } from "../_lib/reference";

export async function createDistrictAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  return createReference(admin, "district", formData);
}

export async function updateDistrictAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  return editReference(admin, "district", formData);
}

export async function setDistrictActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  return toggleReference(admin, "district", formData);
}

export async function moveDistrictAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  return reorderReference(admin, "district", formData);
}

export async function createDepartmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  return createReference(admin, "department", formData);
}

export async function updateDepartmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  return editReference(admin, "department", formData);
}

export async function setDepartmentActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission("campaign.manage");
  if (!isForm(formData)) return invalidRequest();
  return toggleReference(admin, "department", formData);
}
