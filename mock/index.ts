export { createMock, DEFAULT_MAX_BODY_BYTES, DEFAULT_RATE_LIMIT } from './create-mock';
export { DEFAULT_MOCK_API_KEY, type ListeningMock, type Mock, type MockOptions } from './types';
export { FAULTS, faultIds, isFaultId, type Fault, type FaultId } from './faults';
export { DEFAULT_CATALOGUE_SIZE } from './catalogue';
