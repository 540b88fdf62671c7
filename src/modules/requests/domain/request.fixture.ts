/** Test data only: a made-up applicant and a request received on 2026-09-18 (示范, no real person). */
import type { ApplicationInput } from './application.ts';
import type { FoiRequest } from './request.ts';

/** A complete application by a natural person, with a checksum-valid made-up identity number. */
export const PERSON: ApplicationInput = {
  applicantKind: 'natural',
  organisationKind: null,
  name: '张示范',
  idType: 'resident_id',
  idNumber: '330106199003071236',
  contactPerson: '',
  phone: '13800138000',
  email: '',
  address: '',
  postcode: '',
  description: '示范区2026年学校招生计划',
  documentNumber: '',
  purpose: '',
  form: 'electronic',
  delivery: 'online',
};

/** A request of that applicant to the education bureau, registered on Friday 2026-09-18. */
export const REGISTERED: FoiRequest = {
  id: 'r1',
  trackingCode: 'YS-23456-23456',
  orgId: 'edu',
  channel: 'online',
  state: 'registered',
  applicant: {
    kind: 'natural',
    organisationKind: null,
    name: '张示范',
    idType: 'resident_id',
    idNumberSealed: 'sealed',
    idNumberMasked: '330106********1236',
    contactPerson: '',
    phoneSealed: 'sealed',
    phoneTail: '8000',
    emailSealed: null,
    addressSealed: null,
    postcode: '',
  },
  description: '示范区2026年学校招生计划',
  documentNumber: '',
  purpose: '',
  form: 'electronic',
  delivery: 'online',
  submittedAt: '2026-09-18T01:00:00Z',
  receivedOn: '2026-09-18',
  correctedOn: null,
  extension: null,
  pauses: [],
  correction: null,
  reply: null,
  closedOn: null,
  service: null,
  fee: null,
  dueOn: '2026-10-22',
  assigneeId: null,
  upstreamId: null,
  updatedAt: '2026-09-18T01:00:00Z',
};
