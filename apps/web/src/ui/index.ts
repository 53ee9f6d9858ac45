export * from './Button';
export * from './fields';
export * from './Page';
export * from './ConflictNotice';
export * from './Form';
export * from './SkillPicker';
export * from './Confirm';
