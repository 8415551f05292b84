// The --format option of the export commands, apart from the generators so
// that registering the commands loads none of them.
export const FORMAT_OPTION = ['--format <format>', 'what to write: curl, falconpy, typescript or talon (default curl)'] as const;
