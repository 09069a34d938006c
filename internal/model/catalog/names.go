package catalog

import "fmt"

// maxRoleNameLength is Validation.MAX_NAME_LENGTH (x-pack core
// security/support/Validation.java @ 01195333bcdb620d4f5a5eef7bc8e3827dcb1f15).
const maxRoleNameLength = 1024

// validateRoleName reproduces Validation.Roles.validateRoleName without the
// reserved-name part (which depends on the version and is checked by New):
// 1 to 1024 characters, each a printable Basic Latin character or space
// (VALID_NAME_CHARS is U+0020..U+007E), no leading or trailing space. It
// returns "" for a valid name, else Elasticsearch's message.
func validateRoleName(name string) string {
	const msg = "Role names must be at least 1 and no more than %d characters. They can contain alphanumeric " +
		"characters (a-z, A-Z, 0-9), spaces, punctuation, and printable symbols in the Basic Latin (ASCII) " +
		"block. Leading or trailing whitespace is not allowed."
	if len(name) < 1 || len(name) > maxRoleNameLength {
		return fmt.Sprintf(msg, maxRoleNameLength)
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < 0x20 || c > 0x7E {
			return fmt.Sprintf(msg, maxRoleNameLength)
		}
	}
	if name[0] == ' ' || name[len(name)-1] == ' ' {
		return fmt.Sprintf(msg, maxRoleNameLength)
	}
	return ""
}
