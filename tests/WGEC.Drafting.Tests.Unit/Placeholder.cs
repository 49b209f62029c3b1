namespace WGEC.Drafting.Tests;
