/** The vendor registry: every peer-device profile, in the order the docs and the quick pick list them. */
import type { VendorId, VendorProfile } from '../vendor';
import { CISCO_ASA } from './ciscoAsa';
import { CISCO_IOS } from './ciscoIos';
import { FORTIOS } from './fortios';
import { H3C } from './h3c';
import { HUAWEI } from './huawei';
import { JUNIPER_SRX } from './juniperSrx';
import { LIBRESWAN } from './libreswan';
import { MIKROTIK } from './mikrotik';
import { PANOS } from './panos';
import { STRONGSWAN } from './strongswan';

/** One profile per id of VENDOR_IDS, in the same order (test/unit/peer checks both). */
export const VENDOR_PROFILES: readonly VendorProfile[] = [
  STRONGSWAN,
  LIBRESWAN,
  CISCO_IOS,
  CISCO_ASA,
  HUAWEI,
  H3C,
  JUNIPER_SRX,
  FORTIOS,
  PANOS,
  MIKROTIK,
];

/** The profile of a vendor id; undefined for an id no profile has. */
export function vendorProfile(id: string): VendorProfile | undefined {
  return VENDOR_PROFILES.find((profile) => profile.id === id);
}

export type { VendorId };
